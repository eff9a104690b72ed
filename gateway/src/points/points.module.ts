import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { PointsResolver } from './points.resolver.js';
import { StoreDirectory } from './store-directory.js';

export const POINTS_RESOLVERS = [PointsResolver];

/** Points: `Member.points`, the ledger, rewards, redemptions, POS purchases and returns, tenant settlements. */
@Module({ imports: [AuthModule], providers: [...POINTS_RESOLVERS, StoreDirectory] })
export class PointsModule {}
