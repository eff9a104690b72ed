import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { MembersResolver } from './members.resolver.js';

export const MEMBERS_RESOLVERS = [MembersResolver];

/** Member registration, `me`, member look-up and the member's inbox. */
@Module({ imports: [AuthModule], providers: [...MEMBERS_RESOLVERS] })
export class MembersModule {}
