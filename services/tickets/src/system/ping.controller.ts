import { Controller, Inject } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { PING, type OperationResponse } from '@atrium/contracts';
import { SERVICE_SETTINGS, type ServiceSettings } from '@atrium/messaging';
import { CLOCK, type Clock } from '@atrium/platform';

/** Answers the operators' status board with the instance that handled the call. */
@Controller()
export class PingController {
  constructor(
    @Inject(SERVICE_SETTINGS) private readonly settings: ServiceSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @MessagePattern(PING.tickets.pattern)
  ping(): OperationResponse<typeof PING.tickets> {
    return {
      service: this.settings.service,
      instance: this.settings.instanceId,
      time: this.clock.now().toISOString(),
    };
  }
}
