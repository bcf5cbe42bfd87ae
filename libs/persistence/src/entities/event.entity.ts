import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A tracked event, stored before it is acknowledged. `id` (a sequence) orders one user's events:
 * the engine applies them in id order.
 */
@Entity({ name: 'events' })
@Index('events_project_idempotency_key', ['projectId', 'idempotencyKey'], { unique: true, where: 'idempotency_key IS NOT NULL' })
// Partial index on unprocessed rows for the sweeper, managed by the migration alone.
@Index('events_unprocessed', { synchronize: false })
@Index('events_user_name_time', ['userId', 'name', 'occurredAt'])
@Index('events_user_occurred', ['userId', 'occurredAt', 'id'])
export class EventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'jsonb', default: {} })
  attributes!: Record<string, unknown>;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;

  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey!: string | null;

  /** Set once the engine has routed the event to journeys; the sweeper re-enqueues rows left null. */
  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true })
  processedAt!: Date | null;
}
