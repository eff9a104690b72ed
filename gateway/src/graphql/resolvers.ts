import { AUTH_RESOLVERS } from '../auth/auth.module.js';
import { DIRECTORY_RESOLVERS } from '../directory/directory.module.js';
import { MEMBERS_RESOLVERS } from '../members/members.module.js';
import { POINTS_RESOLVERS } from '../points/points.module.js';
import { SYSTEM_RESOLVERS } from '../system/system.module.js';
import { TICKETS_RESOLVERS } from '../tickets/tickets.module.js';

/** Every resolver class of the graph: the schema printer builds the schema from this list. */
export const ALL_RESOLVERS = [
  ...AUTH_RESOLVERS,
  ...DIRECTORY_RESOLVERS,
  ...MEMBERS_RESOLVERS,
  ...POINTS_RESOLVERS,
  ...SYSTEM_RESOLVERS,
  ...TICKETS_RESOLVERS,
];
