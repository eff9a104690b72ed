import type { OperationContract, OperationRequest } from '@atrium/contracts';
import { fromZodError } from '@atrium/platform';

/**
 * Validates a request against its operation's contract before it travels, so bad input is
 * BAD_USER_INPUT naming the field (under `root` when given, e.g. `input.code`) and no service is asked.
 */
export function checkedRequest<O extends OperationContract>(
  op: O,
  request: OperationRequest<O>,
  root: string | undefined,
): OperationRequest<O> {
  const result = op.request.safeParse(request);
  if (!result.success) throw fromZodError(result.error, root);
  return request;
}
