// Factories: the actors, members, tickets and partner keys a test needs, built the way the
// platform builds them (members through the members service, tickets through the tickets
// service, keys through the gateway), with defaults a test overrides only where it matters.
import { randomBytes, randomUUID } from 'node:crypto';
import {
  openTicket,
  registerMember,
  systemActor,
  type Actor,
  type MemberView,
  type OperationRequest,
  type PartnerScope,
  type StaffRole,
  type TicketView,
} from '@atrium/contracts';
import type { RequestClient } from '@atrium/messaging';
import { sendAs, testActor } from './calls.js';

const tag = () => randomBytes(3).toString('hex');

/** A staff actor with one role (FRONTLINE unless given), as the gateway builds it from a staff session. */
export function staffActor(role: StaffRole = 'FRONTLINE', id = `${role.toLowerCase()}-${tag()}`): Actor {
  return testActor('staff', id, { roles: [role] });
}

/** A member acting for itself. */
export function memberActor(memberId: string = randomUUID()): Actor {
  return testActor('member', memberId);
}

/**
 * A partner tenant's API key as an actor: the tenant comes from the key, never from the request.
 * No scope unless given.
 */
export function partnerActor(
  options: { tenantId?: string; scopes?: readonly PartnerScope[]; keyId?: string } = {},
): Actor {
  return testActor('partner', options.keyId ?? `key-${tag()}`, {
    tenantId: options.tenantId ?? `tenant-${tag()}`,
    scopes: [...(options.scopes ?? [])],
  });
}

/** The gateway acting on a caller's behalf (registration, login) or a service's own component. */
export const gatewayActor = (): Actor => systemActor('gateway');

let phones = 0;
/**
 * A mainland mobile number of its own: 139, then four digits of the process id and a counter,
 * so no two calls of one test process give the same number (each suite has its own database).
 */
export function uniquePhone(): string {
  phones += 1;
  return `139${String(process.pid % 10_000).padStart(4, '0')}${String(phones % 10_000).padStart(4, '0')}`;
}

export type MemberInput = OperationRequest<typeof registerMember>;
export type TestMember = MemberView & { phone: string; actor: Actor };

/**
 * Registers a member through the members service (request-reply `members.register-member`),
 * as the gateway does for a sign-up: a fresh phone, display name "Test Shopper", channel APP,
 * language en, SMS marketing consent. Returns the member with its phone and its own actor.
 * `client` must have been started with `registerMember` among its operations.
 */
export async function registerTestMember(
  client: RequestClient,
  input: Partial<MemberInput> = {},
  as: Actor = gatewayActor(),
): Promise<TestMember> {
  const phone = input.phone ?? uniquePhone();
  const member = await sendAs(
    client,
    registerMember,
    {
      displayName: 'Test Shopper',
      channel: 'APP',
      preferredLanguage: 'en',
      consents: [{ purpose: 'MARKETING', channel: 'SMS', granted: true }],
      ...input,
      phone,
    },
    as,
  );
  return { ...member, phone, actor: memberActor(member.id) };
}

export type TicketInput = OperationRequest<typeof openTicket>;

/** What a ticket is about unless a test says otherwise: a complaint about service, confirmed. */
export function ticketInput(input: Partial<TicketInput> = {}): TicketInput {
  return {
    channel: 'APP',
    category: 'SERVICE_ATTITUDE',
    severity: 'MEDIUM',
    description: 'The sales assistant was rude when I asked for another size.',
    customerConfirmed: true,
    ...input,
  };
}

/**
 * Opens a ticket through the tickets service (request-reply `tickets.open-ticket`). Opened by
 * the member it names, or by a frontline staff actor when it names none, unless `as` is given.
 * `client` must have been started with `openTicket` among its operations.
 */
export function openTestTicket(
  client: RequestClient,
  input: Partial<TicketInput> = {},
  as?: Actor,
): Promise<TicketView> {
  const request = ticketInput(input);
  const actor = as ?? (request.memberId ? memberActor(request.memberId) : staffActor('FRONTLINE'));
  return sendAs(client, openTicket, request, actor);
}

/** Any GraphQL caller: the in-process gateway's `graphql`, or one bound to a platform's URL. */
export type GraphQLCall = (
  query: string,
  variables?: Record<string, unknown>,
  headers?: Record<string, string>,
) => Promise<{ data?: unknown; errors?: ReadonlyArray<{ message: string }> | undefined }>;

export interface PartnerKey {
  id: string;
  prefix: string;
  /** The full key, shown once at creation: what a partner sends as `x-api-key`. */
  key: string;
  scopes: string[];
  tenantId: string;
}

const CREATE_API_KEY =
  'mutation ($t: ID!, $n: String!, $s: [String!]!) { createApiKey(tenantId: $t, name: $n, scopes: $s) { id prefix key scopes } }';

/**
 * Creates a partner API key for a tenant through the gateway's `createApiKey` mutation, as an
 * admin does in the console. `adminHeaders` authenticate a staff session allowed to do it.
 */
export async function createPartnerKey(
  graphql: GraphQLCall,
  adminHeaders: Record<string, string>,
  options: { tenantId: string; scopes: readonly PartnerScope[]; name?: string },
): Promise<PartnerKey> {
  const result = await graphql(
    CREATE_API_KEY,
    { t: options.tenantId, n: options.name ?? `test key ${tag()}`, s: [...options.scopes] },
    adminHeaders,
  );
  const created = (result.data as { createApiKey?: Omit<PartnerKey, 'tenantId'> } | null | undefined)?.createApiKey;
  if (!created) throw new Error(`createApiKey failed: ${JSON.stringify(result.errors ?? result.data)}`);
  return { ...created, tenantId: options.tenantId };
}
