import { Inject, Injectable } from '@nestjs/common';
import { generateMemberCode, type RandomBytes } from '../domain/member-code.js';
import { MEMBER_CODE_RANDOM } from './identity.tokens.js';

/**
 * Port (public, see identity/index.ts): draws a fresh people-facing member code (`M` + 8
 * Crockford base32 characters). Uniqueness is the database's: callers retry on a collision.
 */
export abstract class MemberCodes {
  abstract draw(): string;
}

@Injectable()
export class RandomMemberCodes extends MemberCodes {
  constructor(@Inject(MEMBER_CODE_RANDOM) private readonly random: RandomBytes) {
    super();
  }

  draw(): string {
    return generateMemberCode(this.random);
  }
}
