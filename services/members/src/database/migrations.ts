import { MessagingTables1763800000000 } from '@atrium/messaging';
import { CreateMembers1763800100000 } from './migrations/1763800100000-create-members.js';
import { CreatePrivacy1763800110000 } from './migrations/1763800110000-create-privacy.js';
import { AddProfile1763800120000 } from './migrations/1763800120000-add-profile.js';
import { CreateTiers1763800130000 } from './migrations/1763800130000-create-tiers.js';
import { CreateSegments1763800140000 } from './migrations/1763800140000-create-segments.js';
import { CreateMerges1763800150000 } from './migrations/1763800150000-create-merges.js';
import { CreatePointsLedger1763800500000 } from './migrations/1763800500000-create-points-ledger.js';
import { LedgerPolicyWithoutOffset1763800600000 } from './migrations/1763800600000-ledger-policy-without-offset.js';

/** Every migration of the members database, in order. */
export const MEMBERS_MIGRATIONS = [
  MessagingTables1763800000000,
  CreateMembers1763800100000,
  CreatePrivacy1763800110000,
  AddProfile1763800120000,
  CreateTiers1763800130000,
  CreateSegments1763800140000,
  CreateMerges1763800150000,
  CreatePointsLedger1763800500000,
  LedgerPolicyWithoutOffset1763800600000,
];
