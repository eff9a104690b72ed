import { Module } from '@nestjs/common';
import { AccessGuard } from './access.js';
import { ApiKeyService } from './api-keys/api-key.service.js';
import { ApiKeyResolver, AuthResolver } from './auth.resolver.js';
import { CredentialsAuthenticator } from './credentials.authenticator.js';
import { LoginCodeService } from './login-codes/login-code.service.js';
import { SessionService } from './sessions/session.service.js';
import { PasswordHasher } from './staff/password-hasher.js';
import { StaffAccountRepository } from './staff/staff-account.repository.js';
import { StaffLoginService } from './staff/staff-login.service.js';
import { AccessTokenService } from './tokens/access-token.service.js';

const services = [
  AccessTokenService,
  SessionService,
  PasswordHasher,
  StaffAccountRepository,
  StaffLoginService,
  LoginCodeService,
  ApiKeyService,
  CredentialsAuthenticator,
  AccessGuard,
];
export const AUTH_RESOLVERS = [AuthResolver, ApiKeyResolver];

/**
 * Members' SMS codes, staff passwords, partner API keys, sessions, and the access rules.
 * Exports sessions and tokens so other modules (members: mini-program login) issue sessions
 * through the same instances instead of their own copies.
 */
@Module({
  providers: [...services, ...AUTH_RESOLVERS],
  exports: [
    CredentialsAuthenticator,
    AccessGuard,
    SessionService,
    AccessTokenService,
    StaffAccountRepository,
  ],
})
export class AuthModule {}
