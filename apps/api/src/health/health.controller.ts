import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { QUEUES, sweeperLateness, withDeadline } from '@engine/execution';
import { SweeperRunStore } from '@engine/persistence';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Public } from '../auth/access.decorator';

type Check = { status: 'up' } | { status: 'down'; error: string };
type SweeperCheck = Check & { lastCompletedAt: string | null };

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.events) private readonly events: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Until a first sweep completes, the sweeper is given a few periods from this process's start. */
  private readonly startedAt = new Date();

  @Get()
  @ApiOperation({
    summary: 'Checks PostgreSQL, the queues (on Redis or PostgreSQL) and the sweeper; 503 when any is down',
    description: 'The sweeper is down when no sweep has completed (in any process) for three sweep periods (SWEEP_EVERY_MS).',
  })
  async check(): Promise<{ status: 'ok'; checks: { postgres: Check; queues: Check & { backend: string }; sweeper: SweeperCheck } }> {
    const [postgres, queues, sweeper] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(() => this.events.getJobCounts('waiting')),
      this.sweeper(),
    ]);
    const checks = { postgres, queues: { ...queues, backend: this.config.execution.queueBackend.kind }, sweeper };
    if (postgres.status === 'down' || queues.status === 'down' || sweeper.status === 'down') {
      throw new ServiceUnavailableException({ status: 'error', checks });
    }
    return { status: 'ok', checks };
  }

  private async sweeper(): Promise<SweeperCheck> {
    let lastCompletedAt: Date | undefined;
    try {
      lastCompletedAt = await withDeadline(SweeperRunStore.lastCompleted(this.dataSource.manager, this.config.execution.queuePrefix), 2000, 'health probe');
    } catch (error) {
      return { status: 'down', error: error instanceof Error ? error.message : String(error), lastCompletedAt: null };
    }
    const shown = lastCompletedAt?.toISOString() ?? null;
    const lateness = sweeperLateness({ lastCompletedAt, watchingSince: this.startedAt, now: new Date(), sweepEveryMs: this.config.execution.sweepEveryMs });
    return lateness.late ? { status: 'down', error: lateness.reason, lastCompletedAt: shown } : { status: 'up', lastCompletedAt: shown };
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
