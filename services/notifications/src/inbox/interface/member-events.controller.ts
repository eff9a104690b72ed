import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { memberRegistered, type EventPayload } from '@atrium/contracts';
import { CreateWelcomeWhenMemberRegistered } from '../application/reactions/create-welcome-when-member-registered.js';

/** Payload type per topic, so the decorator checks the handler's parameter. */
type MemberEvents = Record<typeof memberRegistered.topic, EventPayload<typeof memberRegistered>>;

/** Reactions to members' events; each runs once per message (inbox row in the same transaction). */
@Controller()
export class MemberEventsController {
  constructor(private readonly createWelcome: CreateWelcomeWhenMemberRegistered) {}

  @EventPattern<MemberEvents>(memberRegistered.topic)
  async onMemberRegistered(@Payload() event: EventPayload<typeof memberRegistered>): Promise<void> {
    await this.createWelcome.handle(event);
  }
}
