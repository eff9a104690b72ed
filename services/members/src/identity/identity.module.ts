import { randomBytes } from 'node:crypto';
import { Module } from '@nestjs/common';
import { RegisterMemberUseCase } from './application/commands/register-member/register-member.usecase.js';
import { MEMBER_CODE_RANDOM } from './application/identity.tokens.js';
import { MemberRepository } from './application/member.repository.js';
import { FindMemberByPhoneQuery } from './application/queries/find-member-by-phone.query.js';
import { GetMemberQuery } from './application/queries/get-member.query.js';
import { SqlMemberRepository } from './infrastructure/sql-member.repository.js';
import { MembersController } from './interface/members.controller.js';

const useCases = [RegisterMemberUseCase, GetMemberQuery, FindMemberByPhoneQuery];

/** Members, their channel identities and consents. */
@Module({
  controllers: [MembersController],
  providers: [
    ...useCases,
    { provide: MemberRepository, useClass: SqlMemberRepository },
    { provide: MEMBER_CODE_RANDOM, useValue: (size: number) => randomBytes(size) },
  ],
})
export class IdentityModule {}
