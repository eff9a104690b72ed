import { Field, GraphQLISODateTime, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  GENDERS,
  IDENTITY_KIND_NAMES,
  LINKABLE_IDENTITY_KINDS,
  type ChannelIdentityView,
  type MemberProfileView,
} from '@atrium/contracts';
import { AuthSession } from '../../auth/dto/auth.types.js';
import { LanguageEnum, enumOfNames } from '../../graphql/enums.js';
import { PageInfo } from '../../graphql/page-info.js';
import { Member } from './member.types.js';

export const GenderEnum = enumOfNames(GENDERS);
export const IdentityKindEnum = enumOfNames(IDENTITY_KIND_NAMES);
export const LinkableIdentityKindEnum = enumOfNames(LINKABLE_IDENTITY_KINDS);
export const MiniProgramOutcomeEnum = enumOfNames(['FOUND', 'BOUND', 'CREATED'] as const);

registerEnumType(GenderEnum, { name: 'Gender' });
registerEnumType(IdentityKindEnum, {
  name: 'IdentityKind',
  description: 'Ways one member is known across channels.',
});
registerEnumType(LinkableIdentityKindEnum, {
  name: 'LinkableIdentityKind',
  description:
    'Identities that can be linked after registration (mini-program ids only through loginWithMiniProgram).',
});
registerEnumType(MiniProgramOutcomeEnum, {
  name: 'MiniProgramLoginOutcome',
  description:
    'FOUND: a member already had this WeChat id; BOUND: linked to the member signed in on the device; CREATED: a new member.',
});

@ObjectType({ description: 'A date to remember, e.g. a wedding anniversary.' })
export class Anniversary {
  @Field(() => String)
  label!: string;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  date!: string;
}

@ObjectType({ description: 'Profile of a member.' })
export class MemberProfile {
  @Field(() => String)
  displayName!: string;

  @Field(() => GenderEnum, { nullable: true })
  gender!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  birthday!: string | null;

  @Field(() => [Anniversary])
  anniversaries!: Anniversary[];

  @Field(() => LanguageEnum)
  preferredLanguage!: string;

  @Field(() => [String])
  preferredCategories!: string[];

  @Field(() => [String])
  preferredBrands!: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'Free tags set by staff; null unless the reader is staff.',
  })
  staffTags!: string[] | null;

  static from(view: MemberProfileView): MemberProfile {
    return Object.assign(new MemberProfile(), view);
  }
}

@InputType()
export class AnniversaryInput {
  @Field(() => String)
  label!: string;

  @Field(() => String, { description: 'YYYY-MM-DD, a real date.' })
  date!: string;
}

@InputType({ description: 'Profile fields to change; omitted fields stay, null clears an optional one.' })
export class UpdateProfileInput {
  @Field(() => String, { nullable: true })
  displayName?: string | null;

  @Field(() => GenderEnum, { nullable: true })
  gender?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, a real date, not in the future.' })
  birthday?: string | null;

  @Field(() => [AnniversaryInput], { nullable: true })
  anniversaries?: AnniversaryInput[] | null;

  @Field(() => LanguageEnum, { nullable: true })
  preferredLanguage?: string | null;

  @Field(() => [String], { nullable: true })
  preferredCategories?: string[] | null;

  @Field(() => [String], { nullable: true })
  preferredBrands?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Staff only.' })
  staffTags?: string[] | null;
}

@ObjectType({ description: 'A channel identity of a member, masked.' })
export class ChannelIdentity {
  @Field(() => IdentityKindEnum)
  kind!: string;

  @Field(() => String, { description: 'e.g. 138****1234, ****5678, oAbC…xYz9' })
  valueMasked!: string;

  @Field(() => GraphQLISODateTime)
  linkedAt!: Date;

  static from(view: ChannelIdentityView): ChannelIdentity {
    return Object.assign(new ChannelIdentity(), { ...view, linkedAt: new Date(view.linkedAt) });
  }
}

@InputType({ description: 'Staff search; every filter given must match.' })
export class MemberFilter {
  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  memberCode?: string | null;

  @Field(() => String, { nullable: true })
  card?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the display name, case-insensitive.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Tier code, e.g. GOLD.' })
  tier?: string | null;

  @Field(() => String, { nullable: true, description: 'Segment code, e.g. FAMILY_WITH_CHILDREN.' })
  segment?: string | null;
}

@ObjectType()
export class MemberEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Member)
  node!: Member;
}

@ObjectType({ description: 'A page of members (Relay connection).' })
export class MemberConnection {
  @Field(() => [MemberEdge])
  edges!: MemberEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType({ description: 'A member session from a mini-program login.' })
export class MiniProgramLogin {
  @Field(() => AuthSession)
  session!: AuthSession;

  @Field(() => ID)
  memberId!: string;

  @Field(() => MiniProgramOutcomeEnum)
  outcome!: string;
}
