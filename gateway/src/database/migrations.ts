import { CreateDirectory1763800900000 } from './migrations/1763800900000-create-directory.js';
import { CreateCredentials1763800900100 } from './migrations/1763800900100-create-credentials.js';
import { CreateSessions1763800900200 } from './migrations/1763800900200-create-sessions.js';

/** The gateway's migrations, in order. The gateway publishes no events, so it has no outbox tables. */
export const GATEWAY_MIGRATIONS = [
  CreateDirectory1763800900000,
  CreateCredentials1763800900100,
  CreateSessions1763800900200,
];
