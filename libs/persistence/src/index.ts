export * from './database.js';
export * from './data-source.js';
export * from './transaction-host.js';
