import { STAFF_ROLES, type StaffRole } from '@atrium/contracts';

/**
 * The mall's staff ladder. Tickets escalate frontline → supervisor → manager → senior
 * management; ADMIN runs the platform and counts as senior management wherever a level is asked.
 */
export const STAFF_LEVELS = ['FRONTLINE', 'SUPERVISOR', 'MANAGER', 'SENIOR_MANAGER'] as const;
export type StaffLevel = (typeof STAFF_LEVELS)[number];

/** Position on the ladder: FRONTLINE 0 … SENIOR_MANAGER 3, ADMIN 4. */
export const roleRank = (role: StaffRole): number => STAFF_ROLES.indexOf(role);

export const levelRank = (level: StaffLevel): number => STAFF_LEVELS.indexOf(level);

const isRole = (role: string): role is StaffRole => (STAFF_ROLES as readonly string[]).includes(role);

/** The roles at or above `role`: atLeast('MANAGER') = MANAGER, SENIOR_MANAGER, ADMIN. */
export function atLeast(role: StaffRole): readonly StaffRole[] {
  return STAFF_ROLES.slice(roleRank(role));
}

/** True when any of the roles is `role` or above. */
export function hasAtLeast(roles: readonly string[], role: StaffRole): boolean {
  return roles.some((r) => isRole(r) && roleRank(r) >= roleRank(role));
}

/** The highest level the roles reach (ADMIN counts as SENIOR_MANAGER); null for none. */
export function staffLevelOf(roles: readonly string[]): StaffLevel | null {
  let best: number | null = null;
  for (const r of roles) {
    if (!isRole(r)) continue;
    const rank = Math.min(roleRank(r), STAFF_LEVELS.length - 1);
    if (best === null || rank > best) best = rank;
  }
  return best === null ? null : STAFF_LEVELS[best]!;
}

/** The levels at or below what the roles reach (whose work, queues and alerts they see). */
export function levelsUpTo(roles: readonly string[]): StaffLevel[] {
  const top = staffLevelOf(roles);
  return top === null ? [] : STAFF_LEVELS.slice(0, levelRank(top) + 1);
}

/** The next level up, or null at the top. */
export function nextLevel(level: StaffLevel): StaffLevel | null {
  return STAFF_LEVELS[levelRank(level) + 1] ?? null;
}
