import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { PING } from '@atrium/contracts';
import { PingQuery, type PingAnswer } from '../application/queries/ping/ping.query.js';

/** Request-reply handlers of the surveys context: for now the status board's `feedback.ping`. */
@Controller()
export class SurveysController {
  constructor(private readonly ping: PingQuery) {}

  @MessagePattern(PING.feedback.pattern)
  onPing(): PingAnswer {
    return this.ping.execute();
  }
}
