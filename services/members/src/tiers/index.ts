// The tiers context's public face: its module and the ports other contexts may use.
export { TiersModule } from './tiers.module.js';
export { MemberTiers } from './application/member-tiers.js';
export { TiersMergeParticipant } from './application/tiers-merge.participant.js';
