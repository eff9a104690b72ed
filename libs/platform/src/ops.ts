import { Controller, Get, Header, HttpException, Injectable, Module, type DynamicModule } from '@nestjs/common';
import { collectDefaultMetrics, register } from 'prom-client';

export type HealthCheck = () => Promise<void>;

/** Readiness checks registered by the pieces a process depends on (database, Kafka ...). */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, HealthCheck>();

  register(name: string, check: HealthCheck): void {
    this.checks.set(name, check);
  }

  async run(timeoutMs = 2000): Promise<{ ok: boolean; checks: Record<string, string> }> {
    const results: Record<string, string> = {};
    await Promise.all(
      [...this.checks].map(async ([name, check]) => {
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([
            check(),
            new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), timeoutMs))),
          ]);
          results[name] = 'up';
        } catch (error) {
          results[name] = `down: ${error instanceof Error ? error.message : String(error)}`;
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    return { ok: Object.values(results).every((r) => r === 'up'), checks: results };
  }
}

let defaultMetricsStarted = false;

@Controller()
export class OpsController {
  constructor(private readonly health: HealthRegistry) {}

  @Get('health/live')
  live() {
    return { status: 'up' };
  }

  @Get('health/ready')
  async ready() {
    const result = await this.health.run();
    if (!result.ok) throw new HttpException({ status: 'down', checks: result.checks }, 503);
    return { status: 'up', checks: result.checks };
  }

  @Get('metrics')
  @Header('Content-Type', register.contentType)
  metrics(): Promise<string> {
    return register.metrics();
  }
}

/** /health/live, /health/ready and /metrics for a process. */
@Module({})
export class OpsModule {
  static forRoot(): DynamicModule {
    if (!defaultMetricsStarted) {
      collectDefaultMetrics();
      defaultMetricsStarted = true;
    }
    return { module: OpsModule, global: true, controllers: [OpsController], providers: [HealthRegistry], exports: [HealthRegistry] };
  }
}
