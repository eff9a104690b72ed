import { Module } from '@nestjs/common';
import { InstanceIdentity } from './application/instance-identity.js';
import { PingQuery } from './application/queries/ping/ping.query.js';
import { SettingsInstanceIdentity } from './infrastructure/settings-instance-identity.js';
import { CatalogController } from './interface/catalog.controller.js';

const queries = [PingQuery];

/** The catalog context of recommendations: its use cases, their ports bound to adapters, its controller. */
@Module({
  controllers: [CatalogController],
  providers: [...queries, { provide: InstanceIdentity, useClass: SettingsInstanceIdentity }],
})
export class CatalogModule {}
