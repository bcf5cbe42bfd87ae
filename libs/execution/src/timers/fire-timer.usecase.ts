import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { StepUsers } from '../stepping/step-users.usecase';
import { MicroBatcher } from '../queues/micro-batcher';

/**
 * Scheduled timers fell due: step their instances with them (a stale timer is consumed and
 * ignored). Timer jobs that run at once are stepped in one batch, one transaction.
 */
@Injectable()
export class FireTimers {
  private readonly batcher: MicroBatcher<true>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly stepUsers: StepUsers,
  ) {
    this.batcher = new MicroBatcher((outboxIds) => this.fire(outboxIds), true);
  }

  /** Fires one timer, batched with the others in flight. */
  async fireTimer(outboxId: string): Promise<void> {
    await this.batcher.submit(outboxId);
  }

  private async fire(outboxIds: string[]): Promise<Map<string, true>> {
    const rows = await this.dataSource.query<Array<{ id: string; instance_id: string; user_id: string; timer_id: string }>>(
      `SELECT o.id, o.instance_id, i.user_id, o.effect->>'timerId' AS timer_id
         FROM outbox o JOIN journey_instances i ON i.id = o.instance_id
        WHERE o.id = ANY($1::bigint[]) AND o.kind = 'schedule' AND o.status = 'pending'`,
      [outboxIds],
    );
    if (rows.length > 0) {
      await this.stepUsers.step({
        userIds: [...new Set(rows.map((row) => row.user_id))],
        withEvents: false,
        timers: rows.map((row) => ({ outboxId: String(row.id), instanceId: row.instance_id, timerId: row.timer_id })),
      });
    }
    return new Map(outboxIds.map((id) => [id, true]));
  }
}
