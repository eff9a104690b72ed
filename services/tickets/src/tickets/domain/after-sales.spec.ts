import { describe, it, expect } from '@jest/globals';
import {
  AFTER_SALES_FLOWS,
  AFTER_SALES_KINDS,
  advanceAfterSales,
  stepDetailsProblem,
  stepsOf,
} from './after-sales.js';
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

describe('what each after-sales step must carry', () => {
  const today = '2026-11-22';
  it.each([
    [
      'a complete return registration',
      'RETURN_EXCHANGE',
      'REGISTERED',
      { purchaseDate: '2026-11-20', productCode: 'AJ-1', reason: 'Clasp broken' },
      null,
    ],
    [
      'a return without a product code',
      'RETURN_EXCHANGE',
      'REGISTERED',
      { purchaseDate: '2026-11-20', reason: 'x' },
      'productCode',
    ],
    [
      'a return bought in the future',
      'RETURN_EXCHANGE',
      'REGISTERED',
      { purchaseDate: '2026-11-23', productCode: 'AJ-1', reason: 'x' },
      'purchaseDate',
    ],
    [
      'a return bought on 30 February',
      'RETURN_EXCHANGE',
      'REGISTERED',
      { purchaseDate: '2026-02-30', productCode: 'AJ-1', reason: 'x' },
      'purchaseDate',
    ],
    [
      'a blank reason',
      'RETURN_EXCHANGE',
      'REGISTERED',
      { purchaseDate: '2026-11-20', productCode: 'AJ-1', reason: '  ' },
      'reason',
    ],
    [
      'a denial with its policy reason',
      'RETURN_EXCHANGE',
      'DENIED',
      { policyReason: 'Engraved items are final sale' },
      null,
    ],
    ['a denial without one', 'RETURN_EXCHANGE', 'DENIED', {}, 'policyReason'],
    ['a refund of 0 fen', 'RETURN_EXCHANGE', 'REFUNDED', { refundFen: 0 }, 'refundFen'],
    ['a refund of 1.5 fen', 'RETURN_EXCHANGE', 'REFUNDED', { refundFen: 1.5 }, 'refundFen'],
    ['a refund of 129,900 fen', 'RETURN_EXCHANGE', 'REFUNDED', { refundFen: 129_900 }, null],
    ['an exchange without the new product', 'RETURN_EXCHANGE', 'EXCHANGED', {}, 'newProductCode'],
    ['an inspection (nothing required)', 'RETURN_EXCHANGE', 'INSPECTED', {}, null],
    ['a repair intake', 'REPAIR', 'RECEIVED', { productCode: 'R-1', reason: 'Loose stone' }, null],
    ['a repair intake without the fault', 'REPAIR', 'RECEIVED', { productCode: 'R-1' }, 'reason'],
    ['a paid quote', 'REPAIR', 'QUOTED', { quoteFen: 30_000 }, null],
    ['a free quote under warranty', 'REPAIR', 'QUOTED', { underWarranty: true }, null],
    ['a free quote under warranty, 0 given', 'REPAIR', 'QUOTED', { underWarranty: true, quoteFen: 0 }, null],
    ['a charge under warranty', 'REPAIR', 'QUOTED', { underWarranty: true, quoteFen: 500 }, 'quoteFen'],
    ['no quote at all', 'REPAIR', 'QUOTED', {}, 'quoteFen'],
    [
      'a pick-up notice with care advice',
      'REPAIR',
      'READY_FOR_PICKUP',
      { careAdvice: 'Avoid perfume on the setting' },
      null,
    ],
    ['a pick-up notice without it', 'REPAIR', 'READY_FOR_PICKUP', {}, 'careAdvice'],
  ] as const)('%s', (_name, kind, step, details, field) => {
    const problem = stepDetailsProblem(kind, step, details, today);
    if (field === null) expect(problem).toBeNull();
    else expect(problem).toMatchObject({ field });
  });
});
