const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/**
 * One key per phone however it is typed: a mainland mobile number and its +86 form are the
 * same phone for rate limits and lockouts. (Services normalise on their own side too.)
 */
export function canonicalPhone(phone: string): string {
  const trimmed = phone.trim();
  return MAINLAND_MOBILE.test(trimmed) ? `+86${trimmed}` : trimmed;
}
