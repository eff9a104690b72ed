import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import type {
  ConsentState,
  DataAccessEntry as DataAccessEntryView,
  PartnerMemberView,
} from '@atrium/contracts';
import { ChannelEnum, ConsentChannelEnum, ConsentPurposeEnum } from '../../graphql/enums.js';

@ObjectType({
  description: 'One consent decision: the current one for its scope, or an entry of the history.',
})
export class Consent {
  @Field(() => ConsentPurposeEnum)
  purpose!: string;

  @Field(() => ConsentChannelEnum, { nullable: true, description: 'Contact channel, for contact purposes.' })
  channel!: string | null;

  @Field(() => ID, { nullable: true, description: 'Tenant shared with (SHARE_WITH_TENANT only).' })
  tenantId!: string | null;

  @Field(() => Boolean)
  granted!: boolean;

  @Field(() => ChannelEnum, { description: 'Where the member gave or withdrew it.' })
  sourceChannel!: string;

  @Field(() => GraphQLISODateTime)
  changedAt!: Date;

  static from(view: ConsentState): Consent {
    return Object.assign(new Consent(), { ...view, changedAt: new Date(view.changedAt) });
  }
}

@ObjectType({ description: 'A member’s consents after a change: what is in force and the whole history.' })
export class Consents {
  @Field(() => [Consent], { description: 'The decision in force per purpose, channel and tenant.' })
  current!: Consent[];

  @Field(() => [Consent], { description: 'Every decision, newest first.' })
  history!: Consent[];
}

@ObjectType({ description: 'A partner tenant read this member’s partner view.' })
export class DataAccessEntry {
  @Field(() => ID)
  tenantId!: string;

  @Field(() => String, { description: 'The credential (API key id) the partner used.' })
  actorId!: string;

  @Field(() => String, { description: 'PHONE or MEMBER_CODE.' })
  lookupBy!: string;

  @Field(() => GraphQLISODateTime)
  accessedAt!: Date;

  static from(view: DataAccessEntryView): DataAccessEntry {
    return Object.assign(new DataAccessEntry(), { ...view, accessedAt: new Date(view.accessedAt) });
  }
}

@ObjectType({
  description:
    'What a partner store sees of a member at its counter: tier, member code, masked phone, name initial. Never the full phone or birthday.',
})
export class PartnerMemberLookup {
  @Field(() => String)
  memberCode!: string;

  @Field(() => String)
  tierCode!: string;

  @Field(() => String, { description: 'e.g. 138****1234' })
  phoneMasked!: string;

  @Field(() => String, { description: 'First character of the name, e.g. L.' })
  nameInitial!: string;

  static from(view: PartnerMemberView): PartnerMemberLookup {
    return Object.assign(new PartnerMemberLookup(), view);
  }
}

@ObjectType({ description: 'Everything the platform holds about the member, as a JSON document.' })
export class MemberDataExport {
  @Field(() => String, { description: 'Document format, e.g. atrium.member-export.v1.' })
  format!: string;

  @Field(() => ID)
  memberId!: string;

  @Field(() => GraphQLISODateTime)
  exportedAt!: Date;

  @Field(() => [String], {
    description: 'Sections in the document (profile, identities, consents, accessLog, ...).',
  })
  sections!: string[];

  @Field(() => String, { description: 'The whole export as a JSON document.' })
  json!: string;

  @Field(() => Int, { description: 'Size of the JSON document in bytes.' })
  bytes!: number;
}

@ObjectType({ description: 'The account was deleted (anonymized).' })
export class DeletedAccount {
  @Field(() => ID)
  memberId!: string;

  @Field(() => GraphQLISODateTime)
  deletedAt!: Date;
}
