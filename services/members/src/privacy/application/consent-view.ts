import type { ConsentState, MemberConsents } from '@atrium/contracts';
import type { ConsentDecision } from '../domain/consent.js';

export function toConsentState(c: ConsentDecision): ConsentState {
  return {
    purpose: c.purpose,
    channel: c.channel,
    tenantId: c.tenantId,
    granted: c.granted,
    sourceChannel: c.sourceChannel,
    changedAt: c.changedAt.toISOString(),
  };
}

export function toMemberConsents(current: ConsentDecision[], history: ConsentDecision[]): MemberConsents {
  return { current: current.map(toConsentState), history: history.map(toConsentState) };
}
