// The identity context's public face: its module and the ports other contexts may use.
export { IdentityModule } from './identity.module.js';
export { MemberCodes } from './application/member-codes.js';
export { IdentityMergeParticipant } from './application/identity-merge.participant.js';
export { IDENTIFIERS, parseIdentifierPriority, type Identifier } from './domain/identifier-priority.js';
