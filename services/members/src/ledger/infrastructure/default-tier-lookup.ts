import { Injectable } from '@nestjs/common';
import { TierLookup } from '../application/tier-lookup.js';

/** Every member earns as MEMBER until the tiers context binds its own TierLookup. */
@Injectable()
export class DefaultTierLookup extends TierLookup {
  async tierOf(): Promise<string> {
    return 'MEMBER';
  }
}
