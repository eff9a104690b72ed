import { Controller, UseFilters } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { listInbox, type OperationResponse } from '@atrium/contracts';
import type { AtriumRpcContext } from '@atrium/messaging';
import { ListInboxQuery } from '../application/queries/list-inbox.query.js';
import { InboxErrorFilter } from './inbox-error.mapping.js';

@Controller()
@UseFilters(new InboxErrorFilter())
export class InboxController {
  constructor(private readonly listInboxQuery: ListInboxQuery) {}

  @MessagePattern(listInbox.pattern)
  async list(
    @Payload() payload: { memberId: string; first: number },
    @Ctx() ctx: AtriumRpcContext,
  ): Promise<OperationResponse<typeof listInbox>> {
    const page = await this.listInboxQuery.execute(ctx.envelope.actor, payload.memberId, payload.first);
    return {
      unread: page.unread,
      items: page.items.map((m) => ({
        id: m.id,
        kind: m.kind,
        title: m.title,
        body: m.body,
        createdAt: m.createdAt.toISOString(),
        readAt: m.readAt ? m.readAt.toISOString() : null,
      })),
    };
  }
}
