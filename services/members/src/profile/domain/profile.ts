import { localDay } from '@atrium/kernel';
import type { GENDERS, LANGUAGES } from '@atrium/contracts';
import { ProfileError, ProfileErrorCode } from './profile.errors.js';

export type Gender = (typeof GENDERS)[number];
export type Language = (typeof LANGUAGES)[number];

export interface Anniversary {
  label: string;
  /** YYYY-MM-DD */
  date: string;
}

export interface Profile {
  memberId: string;
  displayName: string;
  gender: Gender | null;
  /** YYYY-MM-DD */
  birthday: string | null;
  anniversaries: Anniversary[];
  preferredLanguage: Language;
  preferredCategories: string[];
  preferredBrands: string[];
  staffTags: string[];
}

export type ProfileChanges = Partial<Omit<Profile, 'memberId'>>;

export const PROFILE_FIELDS = [
  'displayName',
  'gender',
  'birthday',
  'anniversaries',
  'preferredLanguage',
  'preferredCategories',
  'preferredBrands',
  'staffTags',
] as const satisfies ReadonlyArray<keyof ProfileChanges>;

/** Labels compare case-insensitively; the first spelling is kept. */
function distinct(labels: readonly string[]): string[] {
  const seen = new Set<string>();
  return labels
    .map((l) => l.trim())
    .filter((l) => {
      const key = l.toLocaleLowerCase('en');
      if (!l || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/**
 * Applies the fields given (undefined = unchanged, null = cleared) and reports which changed.
 * Staff tags are for staff only; a birthday in the future (in the mall's calendar) is refused.
 */
export function changeProfile(
  current: Profile,
  changes: ProfileChanges,
  by: { staff: boolean; today: string },
): { profile: Profile; changed: string[] } {
  if (changes.staffTags !== undefined && !by.staff) {
    throw new ProfileError(
      ProfileErrorCode.STAFF_ONLY_FIELD,
      'staffTags: only staff may tag members',
      'staffTags',
    );
  }
  if (changes.birthday && changes.birthday > by.today) {
    throw new ProfileError(
      ProfileErrorCode.BIRTHDAY_INVALID,
      'birthday: must not be in the future',
      'birthday',
    );
  }
  const next: Profile = { ...current };
  const changed: string[] = [];
  const set = <K extends keyof ProfileChanges>(key: K, value: Profile[K]) => {
    if (JSON.stringify(current[key]) !== JSON.stringify(value)) changed.push(key);
    next[key] = value;
  };
  if (changes.displayName !== undefined) set('displayName', changes.displayName.trim());
  if (changes.gender !== undefined) set('gender', changes.gender);
  if (changes.birthday !== undefined) set('birthday', changes.birthday);
  if (changes.anniversaries !== undefined)
    set(
      'anniversaries',
      changes.anniversaries.map((a) => ({ label: a.label.trim(), date: a.date })),
    );
  if (changes.preferredLanguage !== undefined) set('preferredLanguage', changes.preferredLanguage);
  if (changes.preferredCategories !== undefined)
    set('preferredCategories', distinct(changes.preferredCategories));
  if (changes.preferredBrands !== undefined) set('preferredBrands', distinct(changes.preferredBrands));
  if (changes.staffTags !== undefined) set('staffTags', distinct(changes.staffTags));
  return { profile: next, changed };
}

/** The calendar day (YYYY-MM-DD) of an instant in a time zone, e.g. the mall's. */
export function calendarDayIn(timeZone: string, at: Date): string {
  return localDay(at, timeZone);
}
