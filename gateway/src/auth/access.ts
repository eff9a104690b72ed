import {
  applyDecorators,
  createParamDecorator,
  Injectable,
  SetMetadata,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Actor, StaffRole } from '@atrium/contracts';
import { forbidden, unauthenticated } from '@atrium/platform';
import type { GatewayContext } from '../graphql/gateway-context.js';

type Kind = Exclude<Actor['kind'], 'anonymous' | 'system'>;

/** Who may call an operation: actor kinds, and for staff, at least one of the roles (any role when omitted). */
export interface AccessRule {
  kinds: readonly Kind[];
  staffRoles?: readonly StaffRole[];
}

const ACCESS_RULE = 'atrium:access-rule';
const AUTHENTICATED = Symbol('atrium.authenticatedActor');

const KIND_NAMES: Record<Kind, string> = { member: 'members', staff: 'staff', partner: 'partner API keys' };

/** Throws UNAUTHENTICATED for anonymous callers and FORBIDDEN for actors the rule does not admit. */
export function checkAccess(actor: Actor, rule: AccessRule): void {
  if (actor.kind === 'anonymous')
    throw unauthenticated('log in first: this operation needs an authenticated caller', 'LOGIN_REQUIRED');
  if (!(rule.kinds as readonly string[]).includes(actor.kind)) {
    throw forbidden(
      `this operation is only for ${rule.kinds.map((k) => KIND_NAMES[k]).join(' or ')}`,
      'WRONG_ACTOR_KIND',
    );
  }
  if (
    actor.kind === 'staff' &&
    rule.staffRoles?.length &&
    !actor.roles.some((r) => (rule.staffRoles as readonly string[]).includes(r))
  ) {
    throw forbidden(`this operation needs the staff role ${rule.staffRoles.join(' or ')}`, 'MISSING_ROLE');
  }
}

@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.get<AccessRule | undefined>(ACCESS_RULE, execution.getHandler());
    if (!rule)
      throw new Error(
        `${execution.getClass().name}.${execution.getHandler().name} has @UseGuards(AccessGuard) without @Access`,
      );
    const context = GqlExecutionContext.create(execution).getContext<
      GatewayContext & { [AUTHENTICATED]?: Actor }
    >();
    const actor = await context.actor();
    checkAccess(actor, rule);
    context[AUTHENTICATED] = actor;
    return true;
  }
}

/** Admits only the actors the rule names; the resolver gets the actor with `@CurrentActor()`. */
export const Access = (rule: AccessRule) =>
  applyDecorators(SetMetadata(ACCESS_RULE, rule), UseGuards(AccessGuard));

/** The actor admitted by `@Access` on the same resolver method. */
export const CurrentActor = createParamDecorator((_: unknown, execution: ExecutionContext): Actor => {
  const context = GqlExecutionContext.create(execution).getContext<{ [AUTHENTICATED]?: Actor }>();
  const actor = context[AUTHENTICATED];
  if (!actor) throw new Error('@CurrentActor() needs @Access() on the same resolver method');
  return actor;
});
