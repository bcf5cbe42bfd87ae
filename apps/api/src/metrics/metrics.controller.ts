import { getQueueToken } from '@nestjs/bullmq';
import { Controller, Get, Header } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_QUEUES, EngineMetrics } from '@engine/execution';
import { type Queue } from 'bullmq';

const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

@ApiTags('health')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: EngineMetrics,
    private readonly moduleRef: ModuleRef,
  ) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4')
  @ApiOperation({ summary: 'Prometheus metrics: events ingested, steps, node executions, messages by channel and status, queue depths' })
  async scrape(): Promise<string> {
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
