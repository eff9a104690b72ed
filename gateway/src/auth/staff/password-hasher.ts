import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';

/** argon2id with the OWASP baseline parameters (19 MiB, 2 passes, 1 lane). */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class PasswordHasher {
  private dummy?: Promise<string>;

  hash(password: string): Promise<string> {
    return argon2.hash(password, OPTIONS);
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  /**
   * Spends the time of a real verification when there is no account, so response times do
   * not reveal which usernames exist. Always false.
   */
  async verifyNobody(password: string): Promise<false> {
    this.dummy ??= this.hash('atrium: no such account');
    await this.verify(await this.dummy, password);
    return false;
  }
}
