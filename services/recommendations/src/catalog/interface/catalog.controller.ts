import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { PING } from '@atrium/contracts';
import { PingQuery, type PingAnswer } from '../application/queries/ping/ping.query.js';

/** Request-reply handlers of the catalog context: for now the status board's `recommendations.ping`. */
@Controller()
export class CatalogController {
  constructor(private readonly ping: PingQuery) {}

  @MessagePattern(PING.recommendations.pattern)
  onPing(): PingAnswer {
    return this.ping.execute();
  }
}
