import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { PointsResolver } from './points.resolver.js';
import { StoreDirectory } from './store-directory.js';

/** Points: `Member.points`, the ledger, rewards, redemptions, POS purchases and returns, tenant settlements. */
@Module({ imports: [AuthModule], providers: [PointsResolver, StoreDirectory] })
export class PointsModule {}
