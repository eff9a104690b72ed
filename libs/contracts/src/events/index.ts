import { memberRegistered } from './members.events.js';
import { MEMBERS_LEDGER_EVENTS } from './members-ledger.events.js';
import { consentChanged, memberDeleted } from './members-privacy.events.js';
import { identityLinked, profileUpdated } from './members-profile.events.js';
import { tierChanged } from './members-tiers.events.js';
import { birthdayUpcoming, lifecycleChanged, segmentsChanged } from './members-segments.events.js';
import { memberMerged } from './members-merge.events.js';
import { TICKETS_EVENTS } from './tickets.events.js';
import { GATEWAY_DIRECTORY_EVENTS } from './gateway-directory.events.js';

export * from './members.events.js';
export * from './members-ledger.events.js';
export * from './members-privacy.events.js';
export * from './members-profile.events.js';
export * from './members-tiers.events.js';
export * from './members-segments.events.js';
export * from './members-merge.events.js';
export * from './tickets.events.js';
export * from './gateway-directory.events.js';

/** Every event topic; the topic bootstrapper and the AsyncAPI document are built from it. */
export const ALL_EVENTS = [memberRegistered, consentChanged, memberDeleted, profileUpdated, identityLinked, tierChanged, segmentsChanged, lifecycleChanged, birthdayUpcoming, memberMerged, ...MEMBERS_LEDGER_EVENTS, ...TICKETS_EVENTS, ...GATEWAY_DIRECTORY_EVENTS] as const;
