import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { LANGUAGES, phoneSchema, type Actor } from '@atrium/contracts';
import { badInput } from '@atrium/platform';
import type { GatewayContext } from '../graphql/gateway-context.js';
import { LanguageEnum } from '../graphql/enums.js';
import { Access, CurrentActor } from './access.js';
import { ApiKeyService } from './api-keys/api-key.service.js';
import { ApiKey, AuthSession, CreatedApiKey, LoginCodeRequest, Viewer } from './dto/auth.types.js';
import { LOGIN_CODE_DIGITS, LoginCodeService } from './login-codes/login-code.service.js';
import { SessionService } from './sessions/session.service.js';
import { StaffLoginService } from './staff/staff-login.service.js';

type Language = (typeof LANGUAGES)[number];

function checkedPhone(phone: string): string {
  const parsed = phoneSchema.safeParse(phone);
  if (!parsed.success) throw badInput('phone', parsed.error.issues[0]?.message ?? 'is not a phone number');
  return parsed.data;
}

/** Logging in: members by SMS code, staff by password; sessions refresh by rotating tokens. */
@Resolver()
export class AuthResolver {
  constructor(
    private readonly loginCodes: LoginCodeService,
    private readonly staffLogins: StaffLoginService,
    private readonly sessions: SessionService,
  ) {}

  @Mutation(() => LoginCodeRequest, {
    description:
      'Sends a one-time login code by SMS. Answers the same whether or not a member has this phone.',
  })
  async requestLoginCode(
    @Args('phone', { type: () => String }) phone: string,
    @Args('language', {
      type: () => LanguageEnum,
      nullable: true,
      description: 'Language of the SMS; Simplified Chinese when omitted.',
    })
    language: Language | null,
    @Context() context: GatewayContext,
  ): Promise<LoginCodeRequest> {
    const sent = await this.loginCodes.request(
      checkedPhone(phone),
      language ?? 'zh-CN',
      context.systemContext(),
    );
    return { sent: true, ...sent };
  }

  @Mutation(() => AuthSession, { description: 'Logs a member in with the code sent by requestLoginCode.' })
  async loginWithCode(
    @Args('phone', { type: () => String }) phone: string,
    @Args('code', { type: () => String }) code: string,
    @Context() context: GatewayContext,
  ): Promise<AuthSession> {
    const checked = checkedPhone(phone);
    if (!new RegExp(`^\\d{${LOGIN_CODE_DIGITS}}$`).test(code.trim()))
      throw badInput('code', `must be ${LOGIN_CODE_DIGITS} digits`);
    return this.loginCodes.login(checked, code, context.systemContext());
  }

  @Mutation(() => AuthSession, {
    description: 'Exchanges a refresh token for a new session; the old refresh token stops working.',
  })
  refreshSession(@Args('refreshToken', { type: () => String }) refreshToken: string): Promise<AuthSession> {
    return this.sessions.refresh(refreshToken);
  }

  @Query(() => Viewer, {
    description:
      'Who the gateway takes the caller to be; anonymous without credentials, UNAUTHENTICATED with a bad one.',
  })
  async viewer(@Context() context: GatewayContext): Promise<Viewer> {
    const actor = await context.actor();
    return {
      kind: actor.kind,
      id: actor.id,
      tenantId: actor.tenantId,
      roles: actor.roles,
      scopes: actor.scopes,
    };
  }

  @Mutation(() => AuthSession, { description: 'Logs a staff member in with username and password.' })
  staffLogin(
    @Args('username', { type: () => String }) username: string,
    @Args('password', { type: () => String }) password: string,
  ): Promise<AuthSession> {
    return this.staffLogins.login(username, password);
  }
}

/** Partner API keys, managed by staff administrators. */
@Resolver()
export class ApiKeyResolver {
  constructor(private readonly apiKeys: ApiKeyService) {}

  @Mutation(() => CreatedApiKey, {
    description:
      'Creates an API key for a partner tenant (staff ADMIN). The key is shown only in this answer.',
  })
  @Access({ kinds: ['staff'], staffRoles: ['ADMIN'] })
  createApiKey(
    @Args('tenantId', { type: () => ID }) tenantId: string,
    @Args('name', { type: () => String }) name: string,
    @Args('scopes', { type: () => [String] }) scopes: string[],
    @CurrentActor() actor: Actor,
  ): Promise<CreatedApiKey> {
    return this.apiKeys.create({ tenantId, name, scopes }, actor.id);
  }

  @Mutation(() => ApiKey, {
    description: 'Revokes an API key at once (staff ADMIN). Revoking twice is harmless.',
  })
  @Access({ kinds: ['staff'], staffRoles: ['ADMIN'] })
  revokeApiKey(@Args('id', { type: () => ID }) id: string): Promise<ApiKey> {
    return this.apiKeys.revoke(id);
  }
}
