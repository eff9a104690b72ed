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
