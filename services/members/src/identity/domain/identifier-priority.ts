/** Identifiers a caller may present to find a member; the priority list orders them. */
export const IDENTIFIERS = [
  'CARD',
  'PHONE',
  'MINI_PROGRAM_UNIONID',
  'MINI_PROGRAM_OPENID',
  'APP_ACCOUNT',
  'MEMBER_CODE',
] as const;
export type Identifier = (typeof IDENTIFIERS)[number];

/** Default: a card in hand is the strongest proof, then the phone, then WeChat ids, then the app account. */
export const DEFAULT_IDENTIFIER_PRIORITY: readonly Identifier[] = IDENTIFIERS;

/**
 * Parses MEMBER_IDENTIFIER_PRIORITY ("CARD,PHONE,..."): every name must be known and appear
 * once; identifiers left out come after the listed ones in the default order.
 */
export function parseIdentifierPriority(raw: string | undefined): Identifier[] {
  if (!raw?.trim()) return [...DEFAULT_IDENTIFIER_PRIORITY];
  const listed = raw
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  const unknown = listed.filter((s) => !(IDENTIFIERS as readonly string[]).includes(s));
  if (unknown.length)
    throw new Error(
      `MEMBER_IDENTIFIER_PRIORITY: unknown identifier(s) ${unknown.join(', ')}; known: ${IDENTIFIERS.join(', ')}`,
    );
  if (new Set(listed).size !== listed.length)
    throw new Error('MEMBER_IDENTIFIER_PRIORITY: an identifier is listed twice');
  const ordered = listed as Identifier[];
  return [...ordered, ...DEFAULT_IDENTIFIER_PRIORITY.filter((i) => !ordered.includes(i))];
}

/** The identifiers present, in priority order: the first that resolves to a member wins. */
export function byPriority<T>(
  priority: readonly Identifier[],
  present: Partial<Record<Identifier, T | null>>,
): Array<[Identifier, T]> {
  return priority.flatMap((id) => {
    const value = present[id];
    return value === undefined || value === null ? [] : [[id, value] as [Identifier, T]];
  });
}
