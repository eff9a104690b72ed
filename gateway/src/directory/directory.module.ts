import { Module } from '@nestjs/common';
import { StoreDirectory } from '../points/store-directory.js';
import { DirectoryResolver } from './directory.resolver.js';
import { DirectorySnapshot } from './directory-snapshot.js';
import { DirectoryWriter } from './directory-writer.js';

export const DIRECTORY_RESOLVERS = [DirectoryResolver];

/**
 * The mall directory (stores, floors, tenants) the gateway owns. Changes go through
 * DirectoryWriter, which publishes `gateway.directory.changed.v1` through the outbox; the
 * snapshot re-publishes every row at start.
 */
@Module({
  providers: [...DIRECTORY_RESOLVERS, StoreDirectory, DirectoryWriter, DirectorySnapshot],
  exports: [DirectoryWriter, DirectorySnapshot],
})
export class DirectoryModule {}
