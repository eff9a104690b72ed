import { PrivacyError, PrivacyErrorCode } from '../domain/privacy.errors.js';
import type { PrivacyDecision } from '../domain/privacy-access.policy.js';

/** Throws the matching PrivacyError unless the decision is 'allow'. */
export function enforce(decision: PrivacyDecision, deniedMessage: string): void {
  if (decision === 'unauthenticated') throw new PrivacyError(PrivacyErrorCode.NOT_SIGNED_IN, 'sign in first');
  if (decision === 'forbidden') throw new PrivacyError(PrivacyErrorCode.ACCESS_DENIED, deniedMessage);
}
