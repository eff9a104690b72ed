import { TicketsError, TicketsErrorCode } from './tickets.errors.js';

export const AFTER_SALES_KINDS = ['RETURN_EXCHANGE', 'REPAIR'] as const;
export type AfterSalesKind = (typeof AFTER_SALES_KINDS)[number];

export const RETURN_EXCHANGE_STEPS = [
  'REGISTERED',
  'INSPECTED',
  'APPROVED',
  'DENIED',
  'REFUNDED',
  'EXCHANGED',
] as const;
export const REPAIR_STEPS = [
  'RECEIVED',
  'ASSESSED',
  'QUOTED',
  'APPROVED',
  'DECLINED',
  'IN_REPAIR',
  'QUALITY_CHECKED',
  'READY_FOR_PICKUP',
  'PICKED_UP',
] as const;
export type AfterSalesStep = (typeof RETURN_EXCHANGE_STEPS)[number] | (typeof REPAIR_STEPS)[number];
export const AFTER_SALES_STEPS = [...new Set<AfterSalesStep>([...RETURN_EXCHANGE_STEPS, ...REPAIR_STEPS])];

/** Allowed next steps per flow; a step absent from the map is final. */
export const AFTER_SALES_FLOWS: Record<
  AfterSalesKind,
  { first: AfterSalesStep; next: Partial<Record<AfterSalesStep, readonly AfterSalesStep[]>> }
> = {
  RETURN_EXCHANGE: {
    first: 'REGISTERED',
    next: {
      REGISTERED: ['INSPECTED'],
      INSPECTED: ['APPROVED', 'DENIED'],
      APPROVED: ['REFUNDED', 'EXCHANGED'],
    },
  },
  REPAIR: {
    first: 'RECEIVED',
    next: {
      RECEIVED: ['ASSESSED'],
      ASSESSED: ['QUOTED'],
      QUOTED: ['APPROVED', 'DECLINED'],
      APPROVED: ['IN_REPAIR'],
      IN_REPAIR: ['QUALITY_CHECKED'],
      QUALITY_CHECKED: ['READY_FOR_PICKUP'],
      READY_FOR_PICKUP: ['PICKED_UP'],
    },
  },
};

export function stepsOf(kind: AfterSalesKind): readonly AfterSalesStep[] {
  return kind === 'REPAIR' ? REPAIR_STEPS : RETURN_EXCHANGE_STEPS;
}

/** Steps during which the SLA clock waits (on parts or on the customer's decision). */
export const PAUSING_STEPS: Record<AfterSalesKind, readonly AfterSalesStep[]> = {
  RETURN_EXCHANGE: [],
  REPAIR: ['QUOTED', 'IN_REPAIR', 'READY_FOR_PICKUP'],
};

/** Validates one step of an after-sales flow; throws TICKET_AFTER_SALES_ILLEGAL_STEP otherwise. */
export function advanceAfterSales(
  kind: AfterSalesKind,
  current: AfterSalesStep,
  to: AfterSalesStep,
): AfterSalesStep {
  const allowed = AFTER_SALES_FLOWS[kind].next[current] ?? [];
  if (!allowed.includes(to)) {
    throw new TicketsError(
      TicketsErrorCode.AFTER_SALES_ILLEGAL_STEP,
      allowed.length === 0
        ? `the ${kind} flow is finished at ${current}`
        : `the ${kind} flow goes from ${current} to ${allowed.join(' or ')}, not ${to}`,
      'step',
    );
  }
  return to;
}

/** What a step must carry in its details (the jewelry store's standards), as data. */
type DetailRule =
  | { field: string; kind: 'text' | 'date' | 'positiveInt' }
  /** A repair quote: free (`underWarranty: true`, quoteFen 0 or absent) or a positive amount in fen. */
  | { field: 'quoteFen'; kind: 'quote' };

export const STEP_DETAILS: Record<AfterSalesKind, Partial<Record<AfterSalesStep, readonly DetailRule[]>>> = {
  RETURN_EXCHANGE: {
    REGISTERED: [
      { field: 'purchaseDate', kind: 'date' },
      { field: 'productCode', kind: 'text' },
      { field: 'reason', kind: 'text' },
    ],
    DENIED: [{ field: 'policyReason', kind: 'text' }],
    REFUNDED: [{ field: 'refundFen', kind: 'positiveInt' }],
    EXCHANGED: [{ field: 'newProductCode', kind: 'text' }],
  },
  REPAIR: {
    RECEIVED: [
      { field: 'productCode', kind: 'text' },
      { field: 'reason', kind: 'text' },
    ],
    QUOTED: [{ field: 'quoteFen', kind: 'quote' }],
    READY_FOR_PICKUP: [{ field: 'careAdvice', kind: 'text' }],
  },
};

const isRealDate = (v: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};

/**
 * The first detail a step lacks or gets wrong, with its field; null when the details are
 * complete. `today` (the mall's local date) bounds purchase dates: a purchase is not in the future.
 */
export function stepDetailsProblem(
  kind: AfterSalesKind,
  step: AfterSalesStep,
  details: Readonly<Record<string, unknown>>,
  today: string,
): { field: string; problem: string } | null {
  for (const rule of STEP_DETAILS[kind][step] ?? []) {
    const value = details[rule.field];
    const missing =
      value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
    switch (rule.kind) {
      case 'text':
        if (missing || typeof value !== 'string')
          return { field: rule.field, problem: `${step} needs it as text` };
        break;
      case 'date':
        if (missing || typeof value !== 'string' || !isRealDate(value))
          return { field: rule.field, problem: `${step} needs it as a date YYYY-MM-DD` };
        if (value > today) return { field: rule.field, problem: `${value} is in the future` };
        break;
      case 'positiveInt':
        if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0)
          return { field: rule.field, problem: `${step} needs it as a whole number of fen above 0` };
        break;
      case 'quote': {
        if (details.underWarranty === true) {
          if (value !== undefined && value !== null && value !== 0)
            return { field: rule.field, problem: 'a repair under warranty is free: give 0 or leave it out' };
        } else if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
          return {
            field: rule.field,
            problem: 'a quote is a whole number of fen above 0, or free with underWarranty: true',
          };
        }
        break;
      }
    }
  }
  return null;
}
