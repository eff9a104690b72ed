import { z } from 'zod';
import { defineOperation, type ServiceName } from '../define.js';

const pingResponse = z.object({
  service: z.string(),
  instance: z.string(),
  time: z.iso.datetime({ offset: true }),
});

function ping(service: Exclude<ServiceName, 'gateway'>) {
  return defineOperation({
    service,
    operation: 'ping',
    description: `Answers with the ${service} instance that handled the call (operators' status board).`,
    request: z.object({}),
    response: pingResponse,
  });
}

export const PING = {
  members: ping('members'),
  tickets: ping('tickets'),
  feedback: ping('feedback'),
  recommendations: ping('recommendations'),
  notifications: ping('notifications'),
} as const;
