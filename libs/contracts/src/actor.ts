import { z } from 'zod';

export const STAFF_ROLES = ['FRONTLINE', 'SUPERVISOR', 'MANAGER', 'SENIOR_MANAGER', 'ADMIN'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Who acts. Built by the gateway from a credential; services authorize again from it. */
export const actorSchema = z.object({
  kind: z.enum(['member', 'staff', 'partner', 'system', 'anonymous']),
  id: z.string().min(1),
  tenantId: z.string().nullable().default(null),
  roles: z.array(z.string()).default([]),
  scopes: z.array(z.string()).default([]),
});
export type Actor = z.infer<typeof actorSchema>;

export const anonymousActor: Actor = { kind: 'anonymous', id: 'anonymous', tenantId: null, roles: [], scopes: [] };

export function systemActor(component: string): Actor {
  return { kind: 'system', id: component, tenantId: null, roles: [], scopes: [] };
}

/**
 * What a partner tenant's API key may be allowed to do. The gateway grants them; services
 * check `actor.scopes` for the one an operation needs.
 */
export const PARTNER_SCOPES = [
  'purchases:write',
  'members:read',
  'tickets:read',
  'tickets:write',
  'feedback:read',
  'feedback:write',
] as const;
export type PartnerScope = (typeof PARTNER_SCOPES)[number];
