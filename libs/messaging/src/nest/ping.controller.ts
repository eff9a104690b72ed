import { Controller, Inject, type Type } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { PING, type ServiceName } from '@atrium/contracts';
import { CLOCK, type Clock } from '@atrium/platform';
import { SERVICE_SETTINGS, type ServiceSettings } from './service.tokens.js';

/** The controller answering `PING.<service>` for the operators' status board. */
export function pingControllerFor(service: Exclude<ServiceName, 'gateway'>): Type<unknown> {
  @Controller()
  class PingController {
    constructor(
      @Inject(SERVICE_SETTINGS) private readonly settings: ServiceSettings,
      @Inject(CLOCK) private readonly clock: Clock,
    ) {}

    @MessagePattern(PING[service].pattern)
    ping() {
      return {
        service: this.settings.service,
        instance: this.settings.instanceId,
        time: this.clock.now().toISOString(),
      };
    }
  }
  return PingController;
}
