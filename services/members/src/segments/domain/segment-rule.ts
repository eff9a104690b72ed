/** What a segment rule can look at, computed from profile, phone and tier. */
export interface MemberFacts {
  /** Whole years on the day of evaluation; null without a birthday. */
  age: number | null;
  gender: string | null;
  preferredLanguage: string;
  preferredCategories: string[];
  preferredBrands: string[];
  staffTags: string[];
  /** Country calling code of the phone, e.g. 86; null without a phone. */
  phoneCountryCode: string | null;
  tierRank: number;
}

export type Field = keyof MemberFacts;

export type Condition =
  | { field: Field; op: 'gte' | 'lte'; value: number }
  | { field: Field; op: 'between'; value: [number, number] }
  | { field: Field; op: 'in' | 'notIn' | 'containsAny'; value: string[] };

/** A rule as stored in segment_rules.rule: all of / any of conditions (or nested rules). */
export type SegmentRule = { all: Array<Condition | SegmentRule> } | { any: Array<Condition | SegmentRule> };

export interface SegmentDefinition {
  code: string;
  name: string;
  rule: SegmentRule;
}

const FIELDS: readonly Field[] = [
  'age',
  'gender',
  'preferredLanguage',
  'preferredCategories',
  'preferredBrands',
  'staffTags',
  'phoneCountryCode',
  'tierRank',
];

const upper = (s: string) => s.toLocaleUpperCase('en');

function test(condition: Condition, facts: MemberFacts): boolean {
  const actual = facts[condition.field];
  switch (condition.op) {
    case 'gte':
      return typeof actual === 'number' && actual >= condition.value;
    case 'lte':
      return typeof actual === 'number' && actual <= condition.value;
    case 'between':
      return typeof actual === 'number' && actual >= condition.value[0] && actual <= condition.value[1];
    case 'in':
      return typeof actual === 'string' && condition.value.map(upper).includes(upper(actual));
    case 'notIn':
      return typeof actual === 'string' && !condition.value.map(upper).includes(upper(actual));
    case 'containsAny':
      return Array.isArray(actual) && actual.some((a) => condition.value.map(upper).includes(upper(a)));
  }
}

/** Whether the facts satisfy the rule. A missing fact (no birthday, no phone) satisfies no condition on it. */
export function matches(rule: Condition | SegmentRule, facts: MemberFacts): boolean {
  if ('all' in rule) return rule.all.every((r) => matches(r, facts));
  if ('any' in rule) return rule.any.some((r) => matches(r, facts));
  return test(rule, facts);
}

/** The codes of the segments whose rules the facts satisfy, sorted. */
export function segmentsOf(definitions: readonly SegmentDefinition[], facts: MemberFacts): string[] {
  return definitions
    .filter((d) => matches(d.rule, facts))
    .map((d) => d.code)
    .sort();
}

/** Checks a rule read from the database; a malformed rule is an error naming the segment (never silently false). */
export function checkRule(code: string, rule: unknown, path = 'rule'): SegmentRule {
  const fail = (problem: string): never => {
    throw new Error(`segment ${code}: ${path}${problem.startsWith('.') ? '' : ' '}${problem}`);
  };
  if (typeof rule !== 'object' || rule === null) return fail('must be an object');
  const node = rule as Record<string, unknown>;
  const list = node.all ?? node.any;
  if (!Array.isArray(list)) return fail('needs "all" or "any" with a list');
  list.forEach((item, i) => {
    const child = item as Record<string, unknown>;
    if ('all' in child || 'any' in child) return void checkRule(code, child, `${path}.${i}`);
    if (!FIELDS.includes(child.field as Field)) fail(`.${i}.field ${JSON.stringify(child.field)} is unknown`);
    const op = child.op;
    const value = child.value;
    const ok =
      ((op === 'gte' || op === 'lte') && typeof value === 'number') ||
      (op === 'between' &&
        Array.isArray(value) &&
        value.length === 2 &&
        value.every((v) => typeof v === 'number')) ||
      ((op === 'in' || op === 'notIn' || op === 'containsAny') &&
        Array.isArray(value) &&
        value.every((v) => typeof v === 'string'));
    if (!ok) fail(`.${i} has an unknown op or a value of the wrong type`);
  });
  return rule as SegmentRule;
}

/** Whole years between a YYYY-MM-DD birthday and a YYYY-MM-DD day. */
export function ageOn(birthday: string | null, today: string): number | null {
  if (!birthday) return null;
  const [by, bm, bd] = birthday.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}
