import { CreateDirectory1763800900000 } from './migrations/1763800900000-create-directory.js';
import { CreateCredentials1763800900100 } from './migrations/1763800900100-create-credentials.js';
import { CreateSessions1763800900200 } from './migrations/1763800900200-create-sessions.js';
import { DirectoryVersions1763800900300 } from './migrations/1763800900300-directory-versions.js';

/** The gateway's migrations, in order. The outbox tables come with the directory's versions. */
export const GATEWAY_MIGRATIONS = [
  CreateDirectory1763800900000,
  CreateCredentials1763800900100,
  CreateSessions1763800900200,
  DirectoryVersions1763800900300,
];
