/** What other tickets contexts may use of the directory: its port, its module and its types. */
export { DirectoryModule } from './directory.module.js';
export { StoreDirectory } from './application/store-directory.js';
export type { KnownFloor, KnownStore } from './domain/directory-entry.js';
