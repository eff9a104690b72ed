import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_SETTINGS, type ServiceSettings } from '@atrium/messaging';
import { InstanceIdentity } from '../application/instance-identity.js';

/** The identity of this process from its validated service settings (INSTANCE_ID). */
@Injectable()
export class SettingsInstanceIdentity extends InstanceIdentity {
  readonly service: string;
  readonly instance: string;

  constructor(@Inject(SERVICE_SETTINGS) settings: ServiceSettings) {
    super();
    this.service = settings.service;
    this.instance = settings.instanceId;
  }
}
