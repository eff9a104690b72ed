/**
 * Earning rules kept as data. Percentages are integers (100 = ×1). Amounts are integer fen.
 * points = floor(eligible fen × basePoints / unitFen × tier% × (100 + bonus%) / 10 000),
 * computed per line, then the per-order cap, then what is left of the per-day cap.
 */
export interface EarningRules {
  /** Points per currency unit (default 1 point per yuan). */
  basePoints: number;
  /** Size of the currency unit in fen (100 = one yuan). */
  unitFen: number;
  /** Multiplier per tier code, in percent; a tier not listed earns ×1. */
  tierMultiplierPercent: Readonly<Record<string, number>>;
  /** Extra percent for purchases in a store (by store id). */
  storeBonusPercent: Readonly<Record<string, number>>;
  /** Extra percent for lines of a category. */
  categoryBonusPercent: Readonly<Record<string, number>>;
  /** Categories that earn nothing (e.g. tobacco, gift cards). */
  excludedCategories: readonly string[];
  /** Most points one order may earn; null = no cap. */
  perOrderCap: number | null;
  /** Most points one member may earn from purchases on one mall-local day; null = no cap. */
  perDayCap: number | null;
}

export const DEFAULT_EARNING_RULES: EarningRules = Object.freeze({
  basePoints: 1,
  unitFen: 100,
  tierMultiplierPercent: { MEMBER: 100, SILVER: 120, GOLD: 150, BLACK_CARD: 200 },
  storeBonusPercent: {},
  categoryBonusPercent: {},
  excludedCategories: [],
  perOrderCap: null,
  perDayCap: null,
});

export interface PurchaseLine {
  category: string;
  amountFen: number;
}

export interface EarningInput {
  storeId: string;
  tierCode: string;
  lines: readonly PurchaseLine[];
  /** Points already earned from purchases by this member on the purchase's mall-local day. */
  earnedTodayBefore: number;
}

export interface EarningResult {
  points: number;
  /** Points before the caps, for the receipt and audits. */
  uncapped: number;
  /** The fen that counted (excluded categories removed). */
  eligibleFen: number;
}

/** How many points a purchase earns under the rules. Integers only; rounding is always down. */
export function pointsFor(rules: EarningRules, input: EarningInput): EarningResult {
  const tier = rules.tierMultiplierPercent[input.tierCode] ?? 100;
  const store = rules.storeBonusPercent[input.storeId] ?? 0;
  let uncapped = 0;
  let eligibleFen = 0;
  for (const line of input.lines) {
    if (rules.excludedCategories.includes(line.category)) continue;
    const bonus = store + (rules.categoryBonusPercent[line.category] ?? 0);
    eligibleFen += line.amountFen;
    // BigInt: fen × base × tier% × (100 + bonus%) may pass 2^53 before the division.
    const numerator = BigInt(line.amountFen) * BigInt(rules.basePoints) * BigInt(tier) * BigInt(100 + bonus);
    uncapped += Number(numerator / BigInt(rules.unitFen * 10_000));
  }
  let points = uncapped;
  if (rules.perOrderCap !== null) points = Math.min(points, rules.perOrderCap);
  if (rules.perDayCap !== null)
    points = Math.min(points, Math.max(0, rules.perDayCap - input.earnedTodayBefore));
  return { points, uncapped, eligibleFen };
}

/**
 * Points a return takes back: the returned share of the purchase's points, computed on the
 * cumulative returned amount so that several partial returns never take more than earned
 * and a full return takes exactly everything.
 */
export function reversalFor(input: {
  purchasePoints: number;
  purchaseAmountFen: number;
  returnedBeforeFen: number;
  reversedBefore: number;
  returnFen: number;
}): number {
  const returnedFen = input.returnedBeforeFen + input.returnFen;
  if (returnedFen > input.purchaseAmountFen) throw new Error('returned amount exceeds the purchase');
  const target =
    input.purchaseAmountFen === 0
      ? 0
      : Number((BigInt(input.purchasePoints) * BigInt(returnedFen)) / BigInt(input.purchaseAmountFen));
  return Math.max(0, target - input.reversedBefore);
}
