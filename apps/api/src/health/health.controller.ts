import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { QUEUES, withDeadline } from '@engine/execution';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Public } from '../auth/access.decorator';

type Check = { status: 'up' } | { status: 'down'; error: string };

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.events) private readonly events: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Checks PostgreSQL and the queues (on Redis or PostgreSQL); 503 when either is down' })
  async check(): Promise<{ status: 'ok'; checks: Record<string, Check & { backend?: string }> }> {
    const [postgres, queues] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(() => this.events.getJobCounts('waiting')),
    ]);
    const checks = { postgres, queues: { ...queues, backend: this.config.execution.queueBackend.kind } };
    if (postgres.status === 'down' || queues.status === 'down') {
      throw new ServiceUnavailableException({ status: 'error', checks });
    }
    return { status: 'ok', checks };
  }
}

async function probe(run: () => Promise<unknown>): Promise<Check> {
  try {
    await withDeadline(run(), 2000, 'health probe');
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  }
}
