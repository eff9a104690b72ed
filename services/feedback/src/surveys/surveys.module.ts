import { Module } from '@nestjs/common';
import { InstanceIdentity } from './application/instance-identity.js';
import { PingQuery } from './application/queries/ping/ping.query.js';
import { SettingsInstanceIdentity } from './infrastructure/settings-instance-identity.js';
import { SurveysController } from './interface/surveys.controller.js';

const queries = [PingQuery];

/** The surveys context of feedback: its use cases, their ports bound to adapters, its controller. */
@Module({
  controllers: [SurveysController],
  providers: [...queries, { provide: InstanceIdentity, useClass: SettingsInstanceIdentity }],
})
export class SurveysModule {}
