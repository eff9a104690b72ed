export * from './context.js';
export * from './clock.js';
export * from './errors.js';
export * from './logger.js';
export * from './config.js';
export * from './ops.js';
export * from './jobs/index.js';
