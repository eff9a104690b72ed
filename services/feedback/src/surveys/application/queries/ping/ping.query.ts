import { Inject, Injectable } from '@nestjs/common';
import type { OperationResponse, PING } from '@atrium/contracts';
import { CLOCK, type Clock } from '@atrium/platform';
import { describeStatus } from '../../../domain/instance-status.js';
import { InstanceIdentity } from '../../instance-identity.js';

export type PingAnswer = OperationResponse<(typeof PING)['feedback']>;

/** `feedback.ping`: the instance that answered and its time, for the operators' status board. */
@Injectable()
export class PingQuery {
  constructor(
    private readonly identity: InstanceIdentity,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(): PingAnswer {
    return describeStatus({
      service: this.identity.service,
      instance: this.identity.instance,
      time: this.clock.now(),
    });
  }
}
