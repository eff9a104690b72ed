import type { Channel, Consent } from '@atrium/contracts';
import { PrivacyError, PrivacyErrorCode } from './privacy.errors.js';

/** One consent decision; appended, never overwritten, so the history is kept. */
export interface ConsentDecision {
  purpose: Consent['purpose'];
  channel: Consent['channel'];
  tenantId: string | null;
  granted: boolean;
  sourceChannel: Channel;
  changedAt: Date;
}

export type ConsentRequest = Pick<Consent, 'purpose' | 'granted'> &
  Partial<Pick<Consent, 'channel' | 'tenantId'>>;

/**
 * Turns requested changes into decisions: SHARE_WITH_TENANT must name a tenant, other purposes
 * must not; the same scope named twice in one request keeps the last decision. Granting and
 * withdrawing are the same shape, so withdrawing is as easy as granting.
 */
export function consentDecisions(
  requested: readonly ConsentRequest[],
  sourceChannel: Channel,
  now: Date,
  field = 'changes',
): ConsentDecision[] {
  const byScope = new Map<string, ConsentDecision>();
  requested.forEach((consent, index) => {
    const tenantId = consent.tenantId ?? null;
    if (consent.purpose === 'SHARE_WITH_TENANT' && !tenantId)
      throw invalid(`${field}.${index}.tenantId`, 'SHARE_WITH_TENANT names the tenant');
    if (consent.purpose !== 'SHARE_WITH_TENANT' && tenantId)
      throw invalid(`${field}.${index}.tenantId`, 'only SHARE_WITH_TENANT names a tenant');
    const channel = consent.channel ?? null;
    byScope.set(consentScope({ purpose: consent.purpose, channel, tenantId }), {
      purpose: consent.purpose,
      channel,
      tenantId,
      granted: consent.granted,
      sourceChannel,
      changedAt: now,
    });
  });
  return [...byScope.values()];
}

export function consentScope(c: Pick<ConsentDecision, 'purpose' | 'channel' | 'tenantId'>): string {
  return `${c.purpose}|${c.channel ?? ''}|${c.tenantId ?? ''}`;
}

/** Whether the member currently shares with this tenant (its latest SHARE_WITH_TENANT decision). */
export function sharesWithTenant(current: readonly ConsentDecision[], tenantId: string): boolean {
  return tenantShareDecision(current, tenantId) === 'GRANTED';
}

/**
 * The member's current SHARE_WITH_TENANT decision for this tenant: GRANTED, WITHDRAWN (the latest
 * decision says no) or UNDECIDED (never decided). Only UNDECIDED lets other grounds of visibility
 * (purchases in the tenant's stores) apply: a withdrawal always wins.
 */
export function tenantShareDecision(
  current: readonly ConsentDecision[],
  tenantId: string,
): 'GRANTED' | 'WITHDRAWN' | 'UNDECIDED' {
  const decisions = current.filter((c) => c.purpose === 'SHARE_WITH_TENANT' && c.tenantId === tenantId);
  if (decisions.length === 0) return 'UNDECIDED';
  return decisions.some((c) => c.granted) ? 'GRANTED' : 'WITHDRAWN';
}

function invalid(field: string, problem: string): PrivacyError {
  return new PrivacyError(PrivacyErrorCode.CONSENT_INVALID, `${field}: ${problem}`, field);
}
