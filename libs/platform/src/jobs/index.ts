export * from './daily-time.js';
export * from './job-lock.js';
export * from './scheduled-job.js';
export * from './scheduled-jobs.js';
