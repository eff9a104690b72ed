import { Injectable } from '@nestjs/common';
import type { DirectoryEntityState } from '@atrium/contracts';
import { DirectoryReadModel } from '../directory-read-model.js';

export type DirectoryOutcome = 'applied' | 'stale' | 'ignored';

/**
 * Keeps the stores and floors of the gateway's directory (tenants are not needed by tickets:
 * a store carries its tenant id). Runs inside the inbox transaction of the message.
 */
@Injectable()
export class UpdateDirectoryWhenDirectoryChanged {
  constructor(private readonly readModel: DirectoryReadModel) {}

  async handle(state: DirectoryEntityState): Promise<DirectoryOutcome> {
    switch (state.entity) {
      case 'store':
        return (await this.readModel.saveStore(state)) ? 'applied' : 'stale';
      case 'floor':
        return (await this.readModel.saveFloor(state)) ? 'applied' : 'stale';
      case 'tenant':
        return 'ignored';
      default:
        return unreachable(state);
    }
  }
}

function unreachable(value: never): never {
  throw new Error(`unknown directory entity: ${JSON.stringify(value)}`);
}
