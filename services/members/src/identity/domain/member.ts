import type { Channel, Consent, LANGUAGES } from '@atrium/contracts';
import { IdentityError, IdentityErrorCode } from './identity.errors.js';
import type { PhoneNumber } from './phone-number.js';

export type Language = (typeof LANGUAGES)[number];

export const MEMBER_STATUSES = ['ACTIVE', 'MERGED', 'CLOSED'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** Ways one member is known across channels; (kind, value) belongs to one member only. */
export const IDENTITY_KINDS = [
  'PHONE',
  'APP_ACCOUNT',
  'MINI_PROGRAM_OPENID',
  'MINI_PROGRAM_UNIONID',
  'CARD',
] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];

export const DISPLAY_NAME_MAX = 64;

export interface Member {
  id: string;
  memberCode: string;
  displayName: string;
  preferredLanguage: Language;
  registeredChannel: Channel;
  registeredAt: Date;
  status: MemberStatus;
}

/** One consent decision; changes are appended, never overwritten, so the history is kept. */
export interface ConsentChange {
  purpose: Consent['purpose'];
  channel: Consent['channel'];
  tenantId: string | null;
  granted: boolean;
  /** Where the member gave or withdrew it. */
  sourceChannel: Channel;
  changedAt: Date;
}

export interface Registration {
  member: Member;
  phone: PhoneNumber;
  consents: ConsentChange[];
}

export interface RegistrationInput {
  id: string;
  memberCode: string;
  displayName: string;
  phone: PhoneNumber;
  channel: Channel;
  preferredLanguage: Language;
  consents: ReadonlyArray<
    Pick<Consent, 'purpose' | 'granted'> & Partial<Pick<Consent, 'channel' | 'tenantId'>>
  >;
  now: Date;
}

/** A new member with its phone identity and the consents given at sign-up. */
export function registerMember(input: RegistrationInput): Registration {
  const displayName = input.displayName.trim();
  if (displayName.length === 0 || displayName.length > DISPLAY_NAME_MAX) {
    throw new IdentityError(
      IdentityErrorCode.DISPLAY_NAME_INVALID,
      `displayName: must be 1 to ${DISPLAY_NAME_MAX} characters`,
      'displayName',
    );
  }
  // The same purpose/channel/tenant given twice in one request: the last decision counts.
  const byScope = new Map<string, ConsentChange>();
  input.consents.forEach((consent, index) => {
    const tenantId = consent.tenantId ?? null;
    if (consent.purpose === 'SHARE_WITH_TENANT' && !tenantId) {
      throw new IdentityError(
        IdentityErrorCode.CONSENT_INVALID,
        `consents.${index}.tenantId: SHARE_WITH_TENANT names the tenant`,
        `consents.${index}.tenantId`,
      );
    }
    if (consent.purpose !== 'SHARE_WITH_TENANT' && tenantId) {
      throw new IdentityError(
        IdentityErrorCode.CONSENT_INVALID,
        `consents.${index}.tenantId: only SHARE_WITH_TENANT names a tenant`,
        `consents.${index}.tenantId`,
      );
    }
    const channel = consent.channel ?? null;
    byScope.set(`${consent.purpose}|${channel ?? ''}|${tenantId ?? ''}`, {
      purpose: consent.purpose,
      channel,
      tenantId,
      granted: consent.granted,
      sourceChannel: input.channel,
      changedAt: input.now,
    });
  });
  return {
    member: {
      id: input.id,
      memberCode: input.memberCode,
      displayName,
      preferredLanguage: input.preferredLanguage,
      registeredChannel: input.channel,
      registeredAt: input.now,
      status: 'ACTIVE',
    },
    phone: input.phone,
    consents: [...byScope.values()],
  };
}
