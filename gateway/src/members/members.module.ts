import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { MembersResolver } from './members.resolver.js';
import { MemberPrivacyResolver } from './privacy.resolver.js';
import { MemberProfileResolver } from './profile.resolver.js';
import { MemberMergeResolver } from './merge.resolver.js';
import { MemberSegmentsResolver } from './segments.resolver.js';
import { MemberTiersResolver } from './tiers.resolver.js';
import { loadWeChatConfig, WECHAT_CONFIG } from './wechat/wechat-config.js';
import { WeChatSessionClient } from './wechat/wechat-session.client.js';

export const MEMBERS_RESOLVERS = [
  MembersResolver,
  MemberPrivacyResolver,
  MemberProfileResolver,
  MemberTiersResolver,
  MemberSegmentsResolver,
  MemberMergeResolver,
];

/**
 * Member registration, `me`, member look-up, profile, identities, consents and the inbox.
 * Sessions (mini-program login) come from AuthModule's exported SessionService.
 */
@Module({
  imports: [AuthModule],
  providers: [
    ...MEMBERS_RESOLVERS,
    { provide: WECHAT_CONFIG, useFactory: () => loadWeChatConfig() },
    WeChatSessionClient,
  ],
})
export class MembersModule {}
