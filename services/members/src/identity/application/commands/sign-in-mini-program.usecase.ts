import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { memberRegistered, type Actor } from '@atrium/contracts';
import { OutboxWriter } from '@atrium/messaging';
import { TransactionHost } from '@atrium/persistence';
import { CLOCK, type Clock } from '@atrium/platform';
import { normalizeIdentity } from '../../domain/channel-identity.js';
import { IdentityError, IdentityErrorCode } from '../../domain/identity.errors.js';
import type { Member } from '../../domain/member.js';
import { generateMemberCode, type RandomBytes } from '../../domain/member-code.js';
import { enforceIdentityAccess } from '../identity-access.js';
import { MEMBER_CODE_RANDOM } from '../identity.tokens.js';
import { MemberRepository } from '../member.repository.js';
import { LinkIdentityUseCase } from './link-identity.usecase.js';

export type MiniProgramOutcome = 'FOUND' | 'BOUND' | 'CREATED';

/** Name of a member created from the mini-program before it told us its name. */
export const MINI_PROGRAM_DEFAULT_NAME = '微信用户';

/**
 * After the gateway verified a mini-program login code with WeChat (code-to-session):
 * 1. a member already holding the unionid, else the openid, is FOUND (and gets whichever of
 *    the two it lacked, when no one else holds it);
 * 2. otherwise, when the device is already signed in as a member (the gateway passes the id
 *    from a verified access token), the ids are BOUND to that member;
 * 3. otherwise a member is CREATED from the mini-program, without a phone (display name
 *    微信用户), and memberRegistered is published. Should the same person later register with
 *    a phone, staff merge the two (mergeMembers).
 * Two first sign-ins racing on one openid: the loser's insert hits the unique identity and
 * is retried once, which then FINDs the winner's member.
 */
@Injectable()
export class SignInMiniProgramUseCase {
  constructor(
    private readonly tx: TransactionHost,
    private readonly members: MemberRepository,
    private readonly links: LinkIdentityUseCase,
    private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(MEMBER_CODE_RANDOM) private readonly random: RandomBytes,
  ) {}

  async execute(
    actor: Actor,
    request: { openid: string; unionid: string | null; signedInMemberId: string | null },
  ): Promise<{ memberId: string; outcome: MiniProgramOutcome }> {
    enforceIdentityAccess(actor, actor.kind === 'system', 'only the gateway signs members in with WeChat');
    const openid = normalizeIdentity('MINI_PROGRAM_OPENID', request.openid, 'openid');
    const unionid = request.unionid
      ? normalizeIdentity('MINI_PROGRAM_UNIONID', request.unionid, 'unionid')
      : null;
    try {
      return await this.attempt(openid, unionid, request.signedInMemberId);
    } catch (error) {
      if (
        error instanceof IdentityError &&
        error.code === IdentityErrorCode.IDENTITY_TAKEN &&
        !request.signedInMemberId
      )
        return this.attempt(openid, unionid, null);
      throw error;
    }
  }

  private attempt(openid: string, unionid: string | null, signedInMemberId: string | null) {
    return this.tx.run(async () => {
      const found =
        (unionid ? await this.members.findIdByIdentity('MINI_PROGRAM_UNIONID', unionid) : null) ??
        (await this.members.findIdByIdentity('MINI_PROGRAM_OPENID', openid));
      if (found) {
        await this.bindIfFree(found, openid, unionid);
        return { memberId: found, outcome: 'FOUND' as const };
      }
      if (signedInMemberId) {
        await this.links.link(signedInMemberId, 'MINI_PROGRAM_OPENID', openid);
        if (unionid) await this.links.link(signedInMemberId, 'MINI_PROGRAM_UNIONID', unionid);
        return { memberId: signedInMemberId, outcome: 'BOUND' as const };
      }
      const member = await this.createMember();
      await this.links.link(member.id, 'MINI_PROGRAM_OPENID', openid);
      if (unionid) await this.links.link(member.id, 'MINI_PROGRAM_UNIONID', unionid);
      return { memberId: member.id, outcome: 'CREATED' as const };
    });
  }

  private async bindIfFree(memberId: string, openid: string, unionid: string | null): Promise<void> {
    const ids: Array<['MINI_PROGRAM_OPENID' | 'MINI_PROGRAM_UNIONID', string]> = [
      ['MINI_PROGRAM_OPENID', openid],
    ];
    if (unionid) ids.push(['MINI_PROGRAM_UNIONID', unionid]);
    for (const [kind, value] of ids)
      if (!(await this.members.findIdByIdentity(kind, value))) await this.links.link(memberId, kind, value);
  }

  private async createMember(): Promise<Member> {
    const now = this.clock.now();
    let member: Member = {
      id: uuidv7(),
      memberCode: generateMemberCode(this.random),
      displayName: MINI_PROGRAM_DEFAULT_NAME,
      preferredLanguage: 'zh-CN',
      registeredChannel: 'MINI_PROGRAM',
      registeredAt: now,
      status: 'ACTIVE',
    };
    for (let attempt = 1; !(await this.members.insertMember(member)); attempt += 1) {
      if (attempt >= 8) throw new Error(`no free member code after ${attempt} draws`);
      member = { ...member, memberCode: generateMemberCode(this.random) };
    }
    await this.outbox.add(
      memberRegistered,
      {
        memberId: member.id,
        memberCode: member.memberCode,
        displayName: member.displayName,
        channel: 'MINI_PROGRAM',
        preferredLanguage: member.preferredLanguage,
        registeredAt: now.toISOString(),
      },
      member.id,
    );
    return member;
  }
}
