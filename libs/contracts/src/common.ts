import { z } from 'zod';

/** Mainland China mobile (11 digits starting with 1[3-9]) or E.164 (+ country code, 7–15 digits). */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|\+[1-9]\d{6,14})$/;
export const phoneSchema = z
  .string()
  .trim()
  .regex(PHONE_PATTERN, 'must be a mainland China mobile number (11 digits starting with 13–19) or an E.164 number such as +8613812341234');

export const CHANNELS = ['APP', 'MINI_PROGRAM', 'SERVICE_DESK', 'KIOSK', 'HOTLINE', 'POS'] as const;
export const channelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof channelSchema>;

export const LANGUAGES = ['zh-CN', 'en', 'zh-TW'] as const;
export const languageSchema = z.enum(LANGUAGES);

export const CONSENT_PURPOSES = ['MARKETING', 'PERSONALIZATION', 'ANALYTICS', 'SHARE_WITH_TENANT'] as const;
export const CONSENT_CHANNELS = ['SMS', 'PUSH', 'EMAIL', 'MINI_PROGRAM'] as const;
export const consentSchema = z.object({
  purpose: z.enum(CONSENT_PURPOSES),
  /** Contact channel the consent covers; null for purposes that are not about contact. */
  channel: z.enum(CONSENT_CHANNELS).nullable().default(null),
  /** Tenant the data may be shared with (SHARE_WITH_TENANT only). */
  tenantId: z.string().nullable().default(null),
  granted: z.boolean(),
});
export type Consent = z.infer<typeof consentSchema>;

export const uuidSchema = z.uuid();
export const isoDateTime = z.iso.datetime({ offset: true });

/** Relay-style paging arguments shared by list operations. */
export const pageArgsSchema = z.object({
  first: z.number().int().min(1).max(100).default(20),
  after: z.string().nullable().default(null),
});
