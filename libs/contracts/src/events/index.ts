import { memberRegistered } from './members.events.js';

export * from './members.events.js';

/** Every event topic; the topic bootstrapper and the AsyncAPI document are built from it. */
export const ALL_EVENTS = [memberRegistered] as const;
