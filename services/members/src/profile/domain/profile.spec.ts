import { describe, expect, it } from '@jest/globals';
import { calendarDayIn, changeProfile, type Profile } from './profile.js';
import { ProfileError } from './profile.errors.js';

const base: Profile = {
  memberId: 'm1',
  displayName: 'Li',
  gender: null,
  birthday: null,
  anniversaries: [],
  preferredLanguage: 'zh-CN',
  preferredCategories: [],
  preferredBrands: [],
  staffTags: [],
};

describe('changing a profile', () => {
  it('reports only the fields whose value changed', () => {
    const { changed } = changeProfile(
      { ...base, birthday: '1990-01-01' },
      { birthday: '1990-01-01', gender: 'MALE' },
      { staff: false, today: '2026-01-01' },
    );
    expect(changed).toEqual(['gender']);
  });

  it('a birthday today is accepted, tomorrow is refused', () => {
    expect(
      changeProfile(base, { birthday: '2026-01-01' }, { staff: false, today: '2026-01-01' }).profile.birthday,
    ).toBe('2026-01-01');
    expect(() =>
      changeProfile(base, { birthday: '2026-01-02' }, { staff: false, today: '2026-01-01' }),
    ).toThrow(ProfileError);
  });

  it('staff tags need staff', () => {
    expect(() => changeProfile(base, { staffTags: ['x'] }, { staff: false, today: '2026-01-01' })).toThrow(
      /only staff/,
    );
    expect(
      changeProfile(base, { staffTags: ['VIP', 'vip', ' Family '] }, { staff: true, today: '2026-01-01' })
        .profile.staffTags,
    ).toEqual(['VIP', 'Family']);
  });

  it('the calendar day is the mall’s: 2026-01-01T17:00Z is already 2 January in Shanghai', () => {
    expect(calendarDayIn('Asia/Shanghai', new Date('2026-01-01T17:00:00Z'))).toBe('2026-01-02');
    expect(calendarDayIn('UTC', new Date('2026-01-01T17:00:00Z'))).toBe('2026-01-01');
  });
});
