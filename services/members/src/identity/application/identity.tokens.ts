/** DI token of the random source for member codes (a RandomBytes function). */
export const MEMBER_CODE_RANDOM = Symbol('MemberCodeRandom');
