import { findMemberByPhone, getMember, getMembers, registerMember } from './members.operations.js';
import {
  deleteMemberAccount,
  exportMemberData,
  listConsents,
  listDataAccessLog,
  partnerLookupMember,
  updateConsents,
} from './members-privacy.operations.js';
import {
  getMemberProfile,
  linkIdentity,
  listIdentities,
  resolveMember,
  searchMembers,
  signInMiniProgram,
  updateMemberProfile,
} from './members-profile.operations.js';
import { getMemberTier, listTierHistory, listTiers } from './members-tiers.operations.js';
import { getMemberSegments } from './members-segments.operations.js';
import { mergeMembers } from './members-merge.operations.js';
import { MEMBERS_LEDGER_OPERATIONS } from './members-ledger.operations.js';
import { listInbox, listStaffAlerts, sendLoginCode } from './notifications.operations.js';
import { PING } from './system.operations.js';
import { TICKETS_OPERATIONS } from './tickets.operations.js';

export * from './members.operations.js';
export * from './members-privacy.operations.js';
export * from './members-profile.operations.js';
export * from './members-tiers.operations.js';
export * from './members-segments.operations.js';
export * from './members-merge.operations.js';
export * from './members-ledger.operations.js';
export * from './notifications.operations.js';
export * from './system.operations.js';
export * from './tickets.operations.js';

/** Every request-reply operation; their request and reply topics are created up front. */
export const ALL_OPERATIONS = [
  registerMember,
  getMember,
  findMemberByPhone,
  sendLoginCode,
  listInbox,
  listStaffAlerts,
  ...Object.values(PING),
  getMembers,
  listConsents,
  updateConsents,
  partnerLookupMember,
  listDataAccessLog,
  exportMemberData,
  deleteMemberAccount,
  getMemberProfile,
  updateMemberProfile,
  listIdentities,
  linkIdentity,
  resolveMember,
  signInMiniProgram,
  searchMembers,
  listTiers,
  getMemberTier,
  listTierHistory,
  getMemberSegments,
  mergeMembers,
  ...MEMBERS_LEDGER_OPERATIONS,
  ...TICKETS_OPERATIONS,
] as const;
