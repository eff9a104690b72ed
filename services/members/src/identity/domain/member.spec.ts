import { describe, expect, it } from '@jest/globals';
import { IdentityError, IdentityErrorCode } from './identity.errors.js';
import { registerMember, type RegistrationInput } from './member.js';
import { PhoneNumber } from './phone-number.js';

const now = new Date('2025-11-22T03:00:00.000Z');
const base: RegistrationInput = {
  id: '0190a0b0-0000-7000-8000-000000000001',
  memberCode: 'M28T5CY4T',
  displayName: '  Li Wei ',
  phone: PhoneNumber.parse('13812341234'),
  channel: 'APP',
  preferredLanguage: 'zh-CN',
  consents: [],
  now,
};

function codeOf(work: () => unknown): IdentityErrorCode | undefined {
  try {
    work();
  } catch (error) {
    if (error instanceof IdentityError) return error.code;
    throw error;
  }
  return undefined;
}

describe('registerMember', () => {
  it('creates an active member registered now, with a trimmed display name', () => {
    const { member } = registerMember(base);
    expect(member).toEqual({
      id: base.id,
      memberCode: 'M28T5CY4T',
      displayName: 'Li Wei',
      preferredLanguage: 'zh-CN',
      registeredChannel: 'APP',
      registeredAt: now,
      status: 'ACTIVE',
    });
  });

  it.each([
    ['empty', '   '],
    ['longer than 64 characters', 'x'.repeat(65)],
  ])('refuses a display name that is %s', (_name, displayName) => {
    expect(codeOf(() => registerMember({ ...base, displayName }))).toBe(
      IdentityErrorCode.DISPLAY_NAME_INVALID,
    );
  });

  it('records each consent with the registration channel and time', () => {
    const { consents } = registerMember({
      ...base,
      channel: 'SERVICE_DESK',
      consents: [
        { purpose: 'MARKETING', channel: 'SMS', granted: true },
        { purpose: 'SHARE_WITH_TENANT', tenantId: 'tenant-7', granted: true },
      ],
    });
    expect(consents).toEqual([
      {
        purpose: 'MARKETING',
        channel: 'SMS',
        tenantId: null,
        granted: true,
        sourceChannel: 'SERVICE_DESK',
        changedAt: now,
      },
      {
        purpose: 'SHARE_WITH_TENANT',
        channel: null,
        tenantId: 'tenant-7',
        granted: true,
        sourceChannel: 'SERVICE_DESK',
        changedAt: now,
      },
    ]);
  });

  it('keeps the last decision when one scope is given twice in a request', () => {
    const { consents } = registerMember({
      ...base,
      consents: [
        { purpose: 'MARKETING', channel: 'SMS', granted: true },
        { purpose: 'MARKETING', channel: 'SMS', granted: false },
        { purpose: 'MARKETING', channel: 'PUSH', granted: true },
      ],
    });
    expect(consents.map((c) => [c.channel, c.granted])).toEqual([
      ['SMS', false],
      ['PUSH', true],
    ]);
  });

  it.each([
    ['sharing with a tenant without naming it', { purpose: 'SHARE_WITH_TENANT' as const, granted: true }],
    ['naming a tenant for marketing', { purpose: 'MARKETING' as const, tenantId: 'tenant-7', granted: true }],
  ])('refuses %s', (_name, consent) => {
    expect(codeOf(() => registerMember({ ...base, consents: [consent] }))).toBe(
      IdentityErrorCode.CONSENT_INVALID,
    );
  });
});
