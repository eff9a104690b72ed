import { randomUUID } from 'node:crypto';
import type { Actor, OperationContract, OperationRequest, OperationResponse } from '@atrium/contracts';
import { RequestClient } from '@atrium/messaging';
import type { TestKafka } from './kafka.js';
import { AppError } from '@atrium/platform';

/** An actor as the gateway puts it in an envelope: no tenant, roles or scopes unless given. */
export const testActor = (kind: Actor['kind'], id: string, extra: Partial<Actor> = {}): Actor => ({
  kind,
  id,
  tenantId: null,
  roles: [],
  scopes: [],
  ...extra,
});

/**
 * A started request-reply client on a suite's Kafka and topic prefix, for these operations.
 * The default timeout is generous: suites check correctness, not latency, on shared machines.
 */
export async function startTestClient(
  kafka: TestKafka,
  operations: readonly OperationContract[],
  options: { timeoutMs?: number } = {},
): Promise<RequestClient> {
  const client = new RequestClient({
    kafka: kafka.kafka,
    topicPrefix: kafka.prefix,
    operations: [...operations],
    defaultTimeoutMs: options.timeoutMs ?? 20000,
  });
  await client.start();
  return client;
}

/** Sends `op` as `actor`, in a fresh correlation, as the gateway would on that actor's behalf. */
export function sendAs<O extends OperationContract>(
  client: RequestClient,
  op: O,
  request: OperationRequest<O>,
  actor: Actor,
): Promise<OperationResponse<O>> {
  return client.send(op, request, {
    context: { correlationId: randomUUID(), causationId: null, actor, traceparent: null },
  });
}

/** The AppError a call failed with; fails the test when the call succeeds or throws something else. */
export async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}
