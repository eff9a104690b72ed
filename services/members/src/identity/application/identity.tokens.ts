/** DI token of the random source for member codes (a RandomBytes function). */
export const MEMBER_CODE_RANDOM = Symbol('MemberCodeRandom');

/** DI token of the identifier priority list (Identifier[]), from MEMBER_IDENTIFIER_PRIORITY. */
export const IDENTIFIER_PRIORITY = Symbol('IdentifierPriority');
