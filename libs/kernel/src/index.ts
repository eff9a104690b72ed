// The shared kernel: the mall's vocabulary every service and the gateway speak the same way.
// Plain TypeScript; imports only @atrium/contracts (no NestJS, TypeORM or Kafka).
export * from './mall-time.js';
export * from './business-calendar.js';
export * from './staff.js';
export * from './phone.js';
export * from './member-data-access.js';
export * from './domain-error.js';
export * from './percentile.js';
