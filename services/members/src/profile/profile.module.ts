import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceConfig } from '@atrium/messaging';
import { GetProfileQuery } from './application/get-profile.query.js';
import { ProfileRepository } from './application/profile.repository.js';
import { MALL_TIME_ZONE, UpdateProfileUseCase } from './application/update-profile.usecase.js';
import { SqlProfileRepository } from './infrastructure/sql-profile.repository.js';
import { ProfileMergeParticipant } from './application/profile-merge.participant.js';
import { SqlProfileMergeParticipant } from './infrastructure/sql-profile-merge.participant.js';
import { ProfileController } from './interface/profile.controller.js';

/** Profile fields: name, gender, birthday, anniversaries, language, preferences, staff tags. */
@Module({})
export class ProfileModule {
  static forRoot(config: Pick<ServiceConfig, 'MALL_TIME_ZONE'>): DynamicModule {
    return {
      module: ProfileModule,
      controllers: [ProfileController],
      providers: [
        GetProfileQuery,
        UpdateProfileUseCase,
        { provide: ProfileRepository, useClass: SqlProfileRepository },
        { provide: MALL_TIME_ZONE, useValue: config.MALL_TIME_ZONE },
        { provide: ProfileMergeParticipant, useClass: SqlProfileMergeParticipant },
      ],
      exports: [ProfileMergeParticipant],
    };
  }
}
