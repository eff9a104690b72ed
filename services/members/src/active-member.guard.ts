import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { PATTERN_HANDLER_METADATA } from '@nestjs/microservices/constants.js';
import { PatternHandler } from '@nestjs/microservices/enums/pattern-handler.enum.js';
import { deleteMemberAccount } from '@atrium/contracts';
import type { AtriumRpcContext } from '@atrium/messaging';
import { TransactionHost } from '@atrium/persistence';
import { unauthenticated } from '@atrium/platform';

/** Operations a closed member's session may still call: repeating the deletion returns the first one. */
const ALLOWED_AFTER_CLOSE = new Set<string>([deleteMemberAccount.pattern]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Sessions outlive the member they were issued to: an access token of a member who deleted its
 * account (CLOSED) or was merged into another (MERGED) is still signed and unexpired. Every
 * request-reply operation whose actor is such a member answers UNAUTHENTICATED
 * (`MEMBER_SESSION_ENDED`), so the client signs in again (a merged member's phone now leads to
 * the survivor). Events are not checked: they record what already happened.
 *
 * Every controller of the service carries `@UseGuards(ActiveMemberGuard)`: the Kafka transport is
 * a connected microservice with its own configuration, so an APP_GUARD would not reach it.
 */
@Injectable()
export class ActiveMemberGuard implements CanActivate {
  constructor(private readonly tx: TransactionHost) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'rpc') return true;
    if (Reflect.getMetadata(PATTERN_HANDLER_METADATA, context.getHandler()) === PatternHandler.EVENT)
      return true;
    const envelope = context.switchToRpc().getContext<AtriumRpcContext>().envelope;
    const actor = envelope.actor;
    if (actor.kind !== 'member' || !UUID.test(actor.id) || ALLOWED_AFTER_CLOSE.has(envelope.type))
      return true;
    const [row] = (await this.tx.manager.query(`SELECT status FROM members WHERE id = $1`, [
      actor.id,
    ])) as Array<{
      status: string;
    }>;
    if (row && row.status !== 'ACTIVE')
      throw unauthenticated('this member account is closed or merged; sign in again', 'MEMBER_SESSION_ENDED');
    return true;
  }
}
