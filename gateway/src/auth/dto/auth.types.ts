import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description: 'A logged-in session: send the access token as `Authorization: Bearer <accessToken>`.',
})
export class AuthSession {
  @Field(() => String, { description: 'Short-lived JWT for the Authorization header.' })
  accessToken!: string;

  @Field(() => GraphQLISODateTime, { description: 'When the access token expires.' })
  expiresAt!: Date;

  @Field(() => String, { description: 'Exchange it with refreshSession for a new session; single-use.' })
  refreshToken!: string;

  @Field(() => GraphQLISODateTime, { description: 'When the refresh token expires.' })
  refreshExpiresAt!: Date;
}

@ObjectType({
  description: 'The answer to requestLoginCode; the same whether or not a member has this phone.',
})
export class LoginCodeRequest {
  @Field(() => Boolean)
  sent!: boolean;

  @Field(() => Int, { description: 'How long the code stays valid.' })
  expiresInSeconds!: number;

  @Field(() => Int, { description: 'How long to wait before asking for another code.' })
  resendAfterSeconds!: number;
}

@ObjectType({ description: "A partner tenant's API key, without its secret." })
export class ApiKey {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  tenantId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'The readable start of the key, e.g. atr_live_ab12cd34.' })
  prefix!: string;

  @Field(() => [String])
  scopes!: string[];

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  revokedAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  lastUsedAt!: Date | null;
}

@ObjectType({
  description: 'A new API key. `key` is shown this once and never again: hand it to the partner now.',
})
export class CreatedApiKey {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  tenantId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  prefix!: string;

  @Field(() => String, { description: 'The full key for the x-api-key header.' })
  key!: string;

  @Field(() => [String])
  scopes!: string[];

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;
}

@ObjectType({ description: 'Who the gateway takes the caller to be, from the credential sent.' })
export class Viewer {
  @Field(() => String, { description: 'member, staff, partner or anonymous.' })
  kind!: string;

  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true, description: 'The partner tenant of an API key.' })
  tenantId!: string | null;

  @Field(() => [String], { description: 'Staff roles.' })
  roles!: string[];

  @Field(() => [String], { description: 'Scopes of a partner API key.' })
  scopes!: string[];
}
