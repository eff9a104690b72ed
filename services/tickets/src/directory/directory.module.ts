import { Module } from '@nestjs/common';
import { DirectoryReadModel } from './application/directory-read-model.js';
import { UpdateDirectoryWhenDirectoryChanged } from './application/reactions/update-directory-when-directory-changed.js';
import { StoreDirectory } from './application/store-directory.js';
import { SqlStoreDirectory } from './infrastructure/sql-store-directory.js';
import { DirectoryEventsController } from './interface/directory-events.controller.js';

/**
 * The mall directory as tickets knows it: stores and floors kept from the gateway's
 * `gateway.directory.changed.v1`. Other contexts import this module and inject StoreDirectory.
 */
@Module({
  controllers: [DirectoryEventsController],
  providers: [
    SqlStoreDirectory,
    { provide: StoreDirectory, useExisting: SqlStoreDirectory },
    { provide: DirectoryReadModel, useExisting: SqlStoreDirectory },
    UpdateDirectoryWhenDirectoryChanged,
  ],
  exports: [StoreDirectory],
})
export class DirectoryModule {}
