export * from './infra.js';
export * from './eventually.js';
export * from './kafka.js';
export * from './service.js';
export * from './service-process.js';
export * from './calls.js';
