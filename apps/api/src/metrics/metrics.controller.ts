import { getQueueToken } from '@nestjs/bullmq';
import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, Header, Headers, Inject, UnauthorizedException } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_QUEUES, EngineMetrics } from '@engine/execution';
import { type Queue } from 'bullmq';
import { Public } from '../auth/access.decorator';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

@ApiTags('health')
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: EngineMetrics,
    private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4')
  @ApiOperation({ summary: 'Prometheus metrics: events ingested, steps, node executions, messages by channel and status, queue depths' })
  async scrape(@Headers('authorization') authorization: string | undefined): Promise<string> {
    if (this.config.metricsToken !== undefined && !sameToken(authorization, `Bearer ${this.config.metricsToken}`)) {
      throw new UnauthorizedException('GET /metrics needs "Authorization: Bearer <METRICS_TOKEN>"');
    }
    await Promise.all(
      ALL_QUEUES.map(async (name) => {
        const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
        const counts = await queue.getJobCounts(...QUEUE_STATES);
        for (const state of QUEUE_STATES) this.metrics.queueDepth.set({ queue: name, state }, counts[state] ?? 0);
      }),
    );
    return this.metrics.registry.metrics();
  }
}

function sameToken(sent: string | undefined, expected: string): boolean {
  const a = Buffer.from(sent ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
