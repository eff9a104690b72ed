import type { ErrorCode } from '@atrium/contracts';

/**
 * An error a context's domain raises: its own code (MEMBER_PHONE_TAKEN, LEVEL_TOO_LOW ...), a
 * message a person can act on, and the input field it is about. The interface maps the code to
 * a wire category with `wireCodes`, which the compiler holds exhaustive.
 */
export class DomainError<Code extends string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * One exhaustive mapping from a context's codes to wire categories: a missing code fails to
 * compile, and a code that reaches it at run time without an entry throws.
 */
export function wireCodes<Code extends string>(table: Record<Code, ErrorCode>): (code: Code) => ErrorCode {
  return (code) => {
    const wire = table[code];
    if (!wire) return unreachable(code as never);
    return wire;
  };
}

/** For the default branch of an exhaustive switch. */
export function unreachable(value: never): never {
  throw new Error(`unreachable: ${String(value)}`);
}
