import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { Channel, InboxMessage as InboxMessageView, MemberView } from '@atrium/contracts';
import { ChannelEnum, ConsentChannelEnum, ConsentPurposeEnum, LanguageEnum } from '../../graphql/enums.js';

type Language = MemberView['preferredLanguage'];

@ObjectType({ description: 'A mall member as staff and the member see it; the phone only masked.' })
export class Member {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Short code printed on cards and read out at the desk.' })
  memberCode!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => String, { description: 'The phone with its middle digits hidden, e.g. 138****1234.' })
  phoneMasked!: string;

  @Field(() => LanguageEnum)
  preferredLanguage!: Language;

  @Field(() => ChannelEnum, { description: 'Channel the member registered from.' })
  registeredChannel!: Channel;

  @Field(() => GraphQLISODateTime)
  registeredAt!: Date;

  static from(view: MemberView): Member {
    return Object.assign(new Member(), { ...view, registeredAt: new Date(view.registeredAt) });
  }
}

@ObjectType({ description: 'One message in a member’s in-app inbox.' })
export class InboxMessage {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'What the message is about, e.g. WELCOME.' })
  kind!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  body!: string;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  readAt!: Date | null;

  static from(view: InboxMessageView): InboxMessage {
    return Object.assign(new InboxMessage(), {
      ...view,
      createdAt: new Date(view.createdAt),
      readAt: view.readAt ? new Date(view.readAt) : null,
    });
  }
}

@ObjectType({ description: 'The newest inbox messages and how many are unread in all.' })
export class Inbox {
  @Field(() => Int)
  unread!: number;

  @Field(() => [InboxMessage])
  items!: InboxMessage[];
}

@InputType({ description: 'One consent decision given at registration.' })
export class ConsentInput {
  @Field(() => ConsentPurposeEnum)
  purpose!: string;

  @Field(() => ConsentChannelEnum, {
    nullable: true,
    description: 'Contact channel the consent covers, for contact purposes.',
  })
  channel?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Tenant the data may be shared with (SHARE_WITH_TENANT only).',
  })
  tenantId?: string | null;

  @Field(() => Boolean)
  granted!: boolean;
}

@InputType({ description: 'A new member.' })
export class RegisterMemberInput {
  @Field(() => String, { description: 'Mainland mobile (13812341234) or E.164 (+8613812341234).' })
  phone!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => ChannelEnum)
  channel!: string;

  @Field(() => LanguageEnum, { nullable: true, description: 'Simplified Chinese when omitted.' })
  preferredLanguage?: string | null;

  @Field(() => [ConsentInput], { nullable: true })
  consents?: ConsentInput[] | null;
}
