import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { StepUsers } from '../batch/step-users.usecase';

/** A scheduled timer fell due: step its instance with it (a stale timer is consumed and ignored). */
@Injectable()
export class FireTimer {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly stepUsers: StepUsers,
  ) {}

  async execute(outboxId: string): Promise<void> {
    const [row] = await this.dataSource.query<Array<{ instance_id: string; user_id: string; timer_id: string; status: string }>>(
      `SELECT o.instance_id, i.user_id, o.effect->>'timerId' AS timer_id, o.status
         FROM outbox o JOIN journey_instances i ON i.id = o.instance_id
        WHERE o.id = $1 AND o.kind = 'schedule'`,
      [outboxId],
    );
    if (!row || row.status !== 'pending') return;
    await this.stepUsers.execute({
      userIds: [row.user_id],
      withEvents: false,
      timers: [{ outboxId, instanceId: row.instance_id, timerId: row.timer_id }],
    });
  }
}
