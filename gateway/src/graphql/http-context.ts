import type { IncomingMessage, ServerResponse } from 'node:http';

/** The express request as the gateway uses it (body parsed by Nest's JSON parser). */
export type GatewayHttpRequest = IncomingMessage & { body?: unknown; originalUrl?: string };

/** What the GraphQL context function receives for each HTTP request. */
export interface HttpContextArgs {
  req: GatewayHttpRequest;
  res: ServerResponse;
}
