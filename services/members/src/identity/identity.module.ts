import { randomBytes } from 'node:crypto';
import { Module, type DynamicModule } from '@nestjs/common';
import { LinkIdentityUseCase } from './application/commands/link-identity.usecase.js';
import { RegisterMemberUseCase } from './application/commands/register-member/register-member.usecase.js';
import { SignInMiniProgramUseCase } from './application/commands/sign-in-mini-program.usecase.js';
import { IDENTIFIER_PRIORITY, MEMBER_CODE_RANDOM } from './application/identity.tokens.js';
import { MemberRepository } from './application/member.repository.js';
import { FindMemberByPhoneQuery } from './application/queries/find-member-by-phone.query.js';
import { GetMemberQuery } from './application/queries/get-member.query.js';
import { GetMembersQuery } from './application/queries/get-members.query.js';
import { ListIdentitiesQuery } from './application/queries/list-identities.query.js';
import { ResolveMemberQuery } from './application/queries/resolve-member.query.js';
import { SearchMembersQuery } from './application/queries/search-members.query.js';
import type { Identifier } from './domain/identifier-priority.js';
import { SqlMemberRepository } from './infrastructure/sql-member.repository.js';
import { SqlIdentityMergeParticipant } from './infrastructure/sql-identity-merge.participant.js';
import { IdentityMergeParticipant } from './application/identity-merge.participant.js';
import { MemberCodes, RandomMemberCodes } from './application/member-codes.js';
import { ChannelsController } from './interface/channels.controller.js';
import { MembersController } from './interface/members.controller.js';

const useCases = [
  RegisterMemberUseCase,
  GetMemberQuery,
  GetMembersQuery,
  FindMemberByPhoneQuery,
  ListIdentitiesQuery,
  LinkIdentityUseCase,
  ResolveMemberQuery,
  SignInMiniProgramUseCase,
  SearchMembersQuery,
];

/** What the identity context is configured with (validated by the members config spec). */
export interface IdentitySettings {
  /** MEMBER_IDENTIFIER_PRIORITY: which identifier wins when several are given. */
  identifierPriority: readonly Identifier[];
}

/** Members, their channel identities and consents given at registration. Public ports: identity/index.ts. */
@Module({})
export class IdentityModule {
  static forRoot(settings: IdentitySettings): DynamicModule {
    return {
      module: IdentityModule,
      controllers: [MembersController, ChannelsController],
      providers: [
        ...useCases,
        { provide: MemberRepository, useClass: SqlMemberRepository },
        { provide: MEMBER_CODE_RANDOM, useValue: (size: number) => randomBytes(size) },
        { provide: MemberCodes, useClass: RandomMemberCodes },
        { provide: IdentityMergeParticipant, useClass: SqlIdentityMergeParticipant },
        { provide: IDENTIFIER_PRIORITY, useValue: [...settings.identifierPriority] },
      ],
      exports: [MemberCodes, IdentityMergeParticipant],
    };
  }
}
