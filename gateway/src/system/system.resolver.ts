import { readFileSync } from 'node:fs';
import { Inject } from '@nestjs/common';
import { Context, Field, Float, GraphQLISODateTime, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { PING, type Actor } from '@atrium/contracts';
import { RequestClient } from '@atrium/messaging';
import { AppError, CLOCK, createLogger, errorForLog, type Clock } from '@atrium/platform';
import { Access, CurrentActor } from '../auth/access.js';
import type { GatewayConfig } from '../config/gateway-config.js';
import { GATEWAY_CONFIG } from '../gateway.tokens.js';
import type { GatewayContext } from '../graphql/gateway-context.js';

const VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

@ObjectType({ description: 'Whether one service answered a ping through Kafka, and how fast.' })
export class ServiceStatus {
  @Field(() => String)
  service!: string;

  @Field(() => Boolean)
  ok!: boolean;

  @Field(() => String, { nullable: true, description: 'The replica that answered.' })
  instance!: string | null;

  @Field(() => Float, { description: 'Round trip through the gateway and Kafka, in milliseconds.' })
  latencyMs!: number;

  @Field(() => String, { nullable: true })
  error!: string | null;
}

@ObjectType({ description: 'Answered by the gateway itself, without a Kafka hop.' })
export class GatewayInfo {
  @Field(() => String)
  version!: string;

  @Field(() => GraphQLISODateTime)
  time!: Date;

  @Field(() => String, { description: 'The gateway replica that answered.' })
  instance!: string;
}

@Resolver()
export class SystemResolver {
  private readonly log = createLogger('system-status');

  constructor(
    private readonly requests: RequestClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query(() => [ServiceStatus], { description: 'Pings every service in parallel (staff ADMIN).' })
  @Access({ kinds: ['staff'], staffRoles: ['ADMIN'] })
  systemStatus(@CurrentActor() actor: Actor, @Context() context: GatewayContext): Promise<ServiceStatus[]> {
    return Promise.all(
      Object.entries(PING).map(async ([service, op]): Promise<ServiceStatus> => {
        const started = process.hrtime.bigint();
        const latency = () => Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100;
        try {
          const pong = await this.requests.send(op, {}, { context: context.contextFor(actor) });
          return { service, ok: true, instance: pong.instance, latencyMs: latency(), error: null };
        } catch (error) {
          if (!(error instanceof AppError))
            this.log.error({ service, err: errorForLog(error) }, 'ping failed unexpectedly');
          const message =
            error instanceof AppError
              ? `${error.code}: ${error.message}`
              : 'unexpected error (see the gateway log)';
          return { service, ok: false, instance: null, latencyMs: latency(), error: message };
        }
      }),
    );
  }

  @Query(() => GatewayInfo, {
    description: 'Version and time of the gateway; no service is called (latency baseline).',
  })
  gatewayInfo(): GatewayInfo {
    return { version: VERSION, time: this.clock.now(), instance: this.config.INSTANCE_ID };
  }
}
