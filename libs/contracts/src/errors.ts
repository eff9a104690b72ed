import { z } from 'zod';

/** Error codes that cross process boundaries; GraphQL errors carry them in extensions.code. */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'UPSTREAM_TIMEOUT',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const wireErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  /** A context-specific reason, e.g. MEMBER_PHONE_TAKEN. */
  reason: z.string().optional(),
  message: z.string(),
  field: z.string().optional(),
  errorId: z.string().optional(),
});
export type WireError = z.infer<typeof wireErrorSchema>;

/** What a service answers on a reply topic. */
export const replySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: wireErrorSchema }),
]);
export type Reply = z.infer<typeof replySchema>;
