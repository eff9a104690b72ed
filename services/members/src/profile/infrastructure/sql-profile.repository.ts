import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@atrium/persistence';
import { ProfileRepository } from '../application/profile.repository.js';
import type { Profile } from '../domain/profile.js';

interface ProfileRow {
  id: string;
  display_name: string;
  gender: Profile['gender'];
  birthday: string | null;
  anniversaries: Profile['anniversaries'];
  preferred_language: Profile['preferredLanguage'];
  preferred_categories: string[];
  preferred_brands: string[];
  staff_tags: string[];
}

/** ProfileRepository on the `members` table; dates travel as text (YYYY-MM-DD), never through Date. */
@Injectable()
export class SqlProfileRepository extends ProfileRepository {
  constructor(private readonly tx: TransactionHost) {
    super();
  }

  async find(memberId: string, lock = false): Promise<Profile | null> {
    const rows: ProfileRow[] = await this.tx.manager.query(
      `SELECT id, display_name, gender, birthday::text AS birthday, anniversaries, preferred_language,
              preferred_categories, preferred_brands, staff_tags
         FROM members WHERE id = $1 AND status = 'ACTIVE' ${lock ? 'FOR UPDATE' : ''}`,
      [memberId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      memberId: row.id,
      displayName: row.display_name,
      gender: row.gender,
      birthday: row.birthday,
      anniversaries: row.anniversaries,
      preferredLanguage: row.preferred_language,
      preferredCategories: row.preferred_categories,
      preferredBrands: row.preferred_brands,
      staffTags: row.staff_tags,
    };
  }

  async save(p: Profile): Promise<void> {
    await this.tx.manager.query(
      `UPDATE members
          SET display_name = $2, gender = $3, birthday = $4::date, anniversaries = $5::jsonb,
              preferred_language = $6, preferred_categories = $7, preferred_brands = $8, staff_tags = $9
        WHERE id = $1`,
      [
        p.memberId,
        p.displayName,
        p.gender,
        p.birthday,
        JSON.stringify(p.anniversaries),
        p.preferredLanguage,
        p.preferredCategories,
        p.preferredBrands,
        p.staffTags,
      ],
    );
  }
}
