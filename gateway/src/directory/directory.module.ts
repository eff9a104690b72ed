import { Module } from '@nestjs/common';
import { StoreDirectory } from '../points/store-directory.js';
import { DirectoryResolver } from './directory.resolver.js';

export const DIRECTORY_RESOLVERS = [DirectoryResolver];

/** The mall directory (stores, floors, tenants) the gateway owns. */
@Module({ providers: [...DIRECTORY_RESOLVERS, StoreDirectory] })
export class DirectoryModule {}
