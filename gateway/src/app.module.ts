import {
  Module,
  RequestMethod,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { CLOCK, OpsModule, systemClock, type Clock } from '@atrium/platform';
import { AuthModule } from './auth/auth.module.js';
import { DirectoryModule } from './directory/directory.module.js';
import { CredentialsAuthenticator } from './auth/credentials.authenticator.js';
import type { GatewayConfig } from './config/gateway-config.js';
import { databaseProviders } from './database/gateway-database.js';
import { GATEWAY_CONFIG } from './gateway.tokens.js';
import type { HttpContextArgs } from './graphql/http-context.js';
import { GatewayContext } from './graphql/gateway-context.js';
import { DomainErrorsFilter } from './graphql/domain-errors.filter.js';
import { formatGraphQLError } from './graphql/graphql-errors.js';
import { RequestContextMiddleware } from './graphql/request-context.middleware.js';
import { MembersModule } from './members/members.module.js';
import { messagingProviders } from './messaging/gateway-messaging.js';
import { OUTBOX_EXPORTS, outboxProviders } from './messaging/gateway-outbox.js';
import { PointsModule } from './points/points.module.js';
import { SystemModule } from './system/system.module.js';
import { TicketsModule } from './tickets/tickets.module.js';

export interface GatewayOverrides {
  /** Time as the gateway sees it (tests move it to expire codes, tokens and locks). */
  clock?: Clock;
}

export const GRAPHQL_PATH = '/graphql';

/** Config, clock, the gateway's database, its outbox and its Kafka request client, for every module. */
@Module({})
class GatewayCoreModule {
  static forRoot(config: GatewayConfig, overrides: GatewayOverrides): DynamicModule {
    return {
      module: GatewayCoreModule,
      global: true,
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: CLOCK, useValue: overrides.clock ?? systemClock },
        { provide: APP_FILTER, useClass: DomainErrorsFilter },
        ...databaseProviders,
        ...messagingProviders,
        ...outboxProviders,
      ],
      exports: [GATEWAY_CONFIG, CLOCK, ...databaseProviders, ...messagingProviders, ...OUTBOX_EXPORTS],
    };
  }
}

/**
 * The gateway: GraphQL (Apollo Server 5, code-first) at /graphql, /health and /metrics on the
 * same HTTP server, its own database, and request-reply to the services over Kafka.
 */
@Module({})
export class AppModule implements NestModule {
  static forRoot(config: GatewayConfig, overrides: GatewayOverrides = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        OpsModule.forRoot(),
        GatewayCoreModule.forRoot(config, overrides),
        AuthModule,
        DirectoryModule,
        MembersModule,
        PointsModule,
        SystemModule,
        TicketsModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AuthModule],
          inject: [CredentialsAuthenticator],
          useFactory: (authenticator: CredentialsAuthenticator): ApolloDriverConfig => ({
            path: GRAPHQL_PATH,
            autoSchemaFile: true,
            sortSchema: true,
            graphiql: config.NODE_ENV !== 'production',
            introspection: true,
            includeStacktraceInErrorResponses: false,
            formatError: formatGraphQLError,
            context: ({ req, res }: HttpContextArgs) => new GatewayContext(req, res, authenticator),
          }),
        }),
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes({ path: '*path', method: RequestMethod.ALL });
  }
}
