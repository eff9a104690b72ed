import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { directoryChanged, type EventPayload } from '@atrium/contracts';
import { createLogger } from '@atrium/platform';
import { UpdateDirectoryWhenDirectoryChanged } from '../application/reactions/update-directory-when-directory-changed.js';

type DirectoryEvents = Record<typeof directoryChanged.topic, EventPayload<typeof directoryChanged>>;

/** The gateway's directory, kept locally; each message runs once (inbox row in the same transaction). */
@Controller()
export class DirectoryEventsController {
  private readonly log = createLogger('directory');

  constructor(private readonly update: UpdateDirectoryWhenDirectoryChanged) {}

  @EventPattern<DirectoryEvents>(directoryChanged.topic)
  async onDirectoryChanged(@Payload() state: EventPayload<typeof directoryChanged>): Promise<void> {
    const outcome = await this.update.handle(state);
    this.log.debug(
      { entity: state.entity, id: state.id, version: state.version, outcome },
      'directory message',
    );
  }
}
