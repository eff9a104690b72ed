import { Module } from '@nestjs/common';
import { InboxRepository } from './application/inbox.repository.js';
import { ListInboxQuery } from './application/queries/list-inbox.query.js';
import { CreateWelcomeWhenMemberRegistered } from './application/reactions/create-welcome-when-member-registered.js';
import { SqlInboxRepository } from './infrastructure/sql-inbox.repository.js';
import { InboxController } from './interface/inbox.controller.js';
import { MemberEventsController } from './interface/member-events.controller.js';

/** The member's in-app inbox and the reactions that fill it. */
@Module({
  controllers: [InboxController, MemberEventsController],
  providers: [
    ListInboxQuery,
    CreateWelcomeWhenMemberRegistered,
    { provide: InboxRepository, useClass: SqlInboxRepository },
  ],
})
export class InboxModule {}
