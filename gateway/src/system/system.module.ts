import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { SystemResolver } from './system.resolver.js';

export const SYSTEM_RESOLVERS = [SystemResolver];

/** Operators' view: service pings and the gateway's own info. */
@Module({ imports: [AuthModule], providers: [...SYSTEM_RESOLVERS] })
export class SystemModule {}
