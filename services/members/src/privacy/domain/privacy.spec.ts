import { describe, expect, it } from '@jest/globals';
import type { Actor } from '@atrium/contracts';
import { consentDecisions, sharesWithTenant, tenantShareDecision } from './consent.js';
import { nameInitial } from './partner-view.js';
import {
  mayActOnOwnAccount,
  mayChangeConsents,
  mayLookUpAsPartner,
  mayReadPrivacy,
} from './privacy-access.policy.js';
import { PrivacyError } from './privacy.errors.js';

const now = new Date('2026-05-01T08:00:00Z');
const actor = (kind: Actor['kind'], id = 'm1', extra: Partial<Actor> = {}): Actor => ({
  kind,
  id,
  tenantId: null,
  roles: [],
  scopes: [],
  ...extra,
});

describe('consent decisions', () => {
  it('the same scope named twice in one request keeps the last decision', () => {
    const decisions = consentDecisions(
      [
        { purpose: 'MARKETING', channel: 'SMS', granted: true },
        { purpose: 'MARKETING', channel: 'SMS', granted: false },
        { purpose: 'MARKETING', channel: 'PUSH', granted: true },
      ],
      'APP',
      now,
    );
    expect(decisions.map((d) => [d.channel, d.granted])).toEqual([
      ['SMS', false],
      ['PUSH', true],
    ]);
  });

  it.each([
    [{ purpose: 'SHARE_WITH_TENANT' as const, granted: true }, 'changes.0.tenantId'],
    [{ purpose: 'MARKETING' as const, tenantId: 't1', granted: true }, 'changes.0.tenantId'],
  ])('a tenant where it does not belong (or missing where it does) names the field: %j', (request, field) => {
    expect(() => consentDecisions([request], 'APP', now)).toThrow(PrivacyError);
    try {
      consentDecisions([request], 'APP', now);
    } catch (error) {
      expect((error as PrivacyError).field).toBe(field);
    }
  });

  it('sharing counts only for the named tenant and only while granted', () => {
    const current = consentDecisions(
      [
        { purpose: 'SHARE_WITH_TENANT', tenantId: 'a', granted: true },
        { purpose: 'SHARE_WITH_TENANT', tenantId: 'b', granted: false },
      ],
      'APP',
      now,
    );
    expect(sharesWithTenant(current, 'a')).toBe(true);
    expect(sharesWithTenant(current, 'b')).toBe(false);
    expect(sharesWithTenant(current, 'c')).toBe(false);
  });

  it('a tenant share is GRANTED, WITHDRAWN (latest decision says no) or UNDECIDED (never decided)', () => {
    const current = consentDecisions(
      [
        { purpose: 'SHARE_WITH_TENANT', tenantId: 'a', granted: true },
        { purpose: 'SHARE_WITH_TENANT', tenantId: 'b', granted: false },
        { purpose: 'MARKETING', granted: true },
      ],
      'APP',
      now,
    );
    expect(tenantShareDecision(current, 'a')).toBe('GRANTED');
    expect(tenantShareDecision(current, 'b')).toBe('WITHDRAWN');
    expect(tenantShareDecision(current, 'c')).toBe('UNDECIDED');
  });
});

describe('partner view', () => {
  it.each([
    ['li wei', 'L.'],
    ['李伟', '李.'],
    ['  Émile', 'É.'],
    ['😀 Smile', '😀.'],
  ])('the initial of %s is %s', (name, initial) => {
    expect(nameInitial(name)).toBe(initial);
  });
});

describe('privacy access policy', () => {
  it('a member reads and changes only its own consents; staff may; partners may not', () => {
    expect(mayReadPrivacy(actor('member', 'm1'), 'm1')).toBe('allow');
    expect(mayReadPrivacy(actor('member', 'm2'), 'm1')).toBe('forbidden');
    expect(mayReadPrivacy(actor('partner', 'k'), 'm1')).toBe('forbidden');
    expect(mayChangeConsents(actor('staff', 's'), 'm1')).toBe('allow');
    expect(mayChangeConsents(actor('system', 'gateway'), 'm1')).toBe('forbidden');
    expect(mayChangeConsents(actor('anonymous'), 'm1')).toBe('unauthenticated');
  });

  it('only the member itself exports or deletes its account', () => {
    expect(mayActOnOwnAccount(actor('member', 'm1'), 'm1')).toBe('allow');
    expect(mayActOnOwnAccount(actor('staff', 's', { roles: ['ADMIN'] }), 'm1')).toBe('forbidden');
  });

  it('the partner lookup needs a partner key with a tenant and the members:read scope', () => {
    expect(mayLookUpAsPartner(actor('partner', 'k', { tenantId: 't', scopes: ['members:read'] }))).toBe(
      'allow',
    );
    expect(mayLookUpAsPartner(actor('partner', 'k', { tenantId: null, scopes: ['members:read'] }))).toBe(
      'forbidden',
    );
    expect(mayLookUpAsPartner(actor('partner', 'k', { tenantId: 't', scopes: ['purchases:write'] }))).toBe(
      'forbidden',
    );
    expect(mayLookUpAsPartner(actor('staff', 's', { roles: ['ADMIN'] }))).toBe('forbidden');
  });
});
