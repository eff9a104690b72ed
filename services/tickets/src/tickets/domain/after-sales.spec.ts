import { describe, it, expect } from '@jest/globals';
import { AFTER_SALES_FLOWS, AFTER_SALES_KINDS, advanceAfterSales, stepsOf } from './after-sales.js';
import { TicketsError, TicketsErrorCode } from './tickets.errors.js';

describe('after-sales flows', () => {
  it('return/exchange: REGISTERED → INSPECTED → APPROVED → REFUNDED (or EXCHANGED); INSPECTED → DENIED', () => {
    expect(advanceAfterSales('RETURN_EXCHANGE', 'REGISTERED', 'INSPECTED')).toBe('INSPECTED');
    expect(advanceAfterSales('RETURN_EXCHANGE', 'INSPECTED', 'APPROVED')).toBe('APPROVED');
    expect(advanceAfterSales('RETURN_EXCHANGE', 'INSPECTED', 'DENIED')).toBe('DENIED');
    expect(advanceAfterSales('RETURN_EXCHANGE', 'APPROVED', 'REFUNDED')).toBe('REFUNDED');
    expect(advanceAfterSales('RETURN_EXCHANGE', 'APPROVED', 'EXCHANGED')).toBe('EXCHANGED');
  });

  it('repair: RECEIVED → ASSESSED → QUOTED → APPROVED → IN_REPAIR → QUALITY_CHECKED → READY_FOR_PICKUP → PICKED_UP', () => {
    const path = [
      'RECEIVED',
      'ASSESSED',
      'QUOTED',
      'APPROVED',
      'IN_REPAIR',
      'QUALITY_CHECKED',
      'READY_FOR_PICKUP',
      'PICKED_UP',
    ] as const;
    for (let i = 1; i < path.length; i++)
      expect(advanceAfterSales('REPAIR', path[i - 1]!, path[i]!)).toBe(path[i]);
    expect(advanceAfterSales('REPAIR', 'QUOTED', 'DECLINED')).toBe('DECLINED');
  });

  const illegal = AFTER_SALES_KINDS.flatMap((kind) =>
    stepsOf(kind).flatMap((from) =>
      stepsOf(kind)
        .filter((to) => !(AFTER_SALES_FLOWS[kind].next[from] ?? []).includes(to))
        .map((to) => ({ kind, from, to })),
    ),
  );
  it('both flows leave illegal steps to reject', () => expect(illegal.length).toBe(6 * 6 - 5 + (9 * 9 - 8)));
  it.each(illegal)(
    '$kind: $from → $to is rejected with TICKET_AFTER_SALES_ILLEGAL_STEP',
    ({ kind, from, to }) => {
      let code: string = 'no error';
      try {
        advanceAfterSales(kind, from, to);
      } catch (e) {
        code = (e as TicketsError).code;
      }
      expect(code).toBe(TicketsErrorCode.AFTER_SALES_ILLEGAL_STEP);
    },
  );

  it('a step of the other flow is rejected too', () => {
    expect(() => advanceAfterSales('RETURN_EXCHANGE', 'APPROVED', 'IN_REPAIR')).toThrow(TicketsError);
  });
});
