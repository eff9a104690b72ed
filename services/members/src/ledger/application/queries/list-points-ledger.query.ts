import { Injectable } from '@nestjs/common';
import type { Actor, listPointsLedger, OperationRequest, OperationResponse } from '@atrium/contracts';
import { checkReadLedger, enforce } from '../../domain/ledger-access.policy.js';
import { LedgerError, LedgerErrorCode } from '../../domain/ledger.errors.js';
import { LedgerRepository } from '../ledger.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A member's entries, newest first; the cursor is the id of the last entry of the previous page. */
@Injectable()
export class ListPointsLedgerQuery {
  constructor(private readonly ledger: LedgerRepository) {}

  async execute(
    actor: Actor,
    request: OperationRequest<typeof listPointsLedger>,
  ): Promise<OperationResponse<typeof listPointsLedger>> {
    enforce(checkReadLedger(actor, request.memberId));
    const first = request.first ?? 20;
    const after = request.after ?? null;
    if (after !== null && !UUID.test(after))
      throw new LedgerError(
        LedgerErrorCode.AMOUNT_INVALID,
        'after: must be a cursor returned by a previous page',
        'after',
      );
    if (!(await this.ledger.memberExists(request.memberId)))
      throw new LedgerError(LedgerErrorCode.MEMBER_NOT_FOUND, 'no member with this id', 'memberId');
    const { rows, total } = await this.ledger.entries(request.memberId, first + 1, after);
    const page = rows.slice(0, first);
    return {
      entries: page.map((r) => ({ ...r, occurredAt: r.occurredAt.toISOString() })),
      hasNextPage: rows.length > first,
      endCursor: page.at(-1)?.id ?? null,
      totalCount: total,
    };
  }
}
