import { type Channel } from '@engine/journey';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * `queued`: claimed, being sent. `retrying`: an attempt failed in a way worth retrying (the reason in
 * `error`); the next attempt sends it again. `suppressed`: not sent on purpose (frequency cap,
 * opt-out, unreachable), with the reason in `error`. `unknown`: the send was cut off between the
 * provider call and the recording of its answer (a worker killed mid-send); it is never sent again,
 * may well have reached the user, and a later status from the provider (delivered, read, failed)
 * settles it.
 */
export const MESSAGE_STATUSES = ['queued', 'retrying', 'unknown', 'sent', 'delivered', 'read', 'opened', 'clicked', 'failed', 'suppressed'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export interface MessageStatusChange {
  status: MessageStatus;
  at: string;
  detail?: string;
}

/** One message to one user. `idempotency_key` (instance:node:visit) makes a retried send a no-op. */
@Entity({ name: 'messages' })
@Index('messages_idempotency_key', ['idempotencyKey'], { unique: true })
@Index('messages_provider_message_id', ['channel', 'providerMessageId'])
@Index('messages_journey_node', ['journeyId', 'nodeId'])
@Index('messages_user', ['userId', 'createdAt'])
@Index('messages_project_created', ['projectId', 'createdAt'])
export class MessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'journey_id', type: 'uuid', nullable: true })
  journeyId!: string | null;

  @Column({ name: 'instance_id', type: 'uuid', nullable: true })
  instanceId!: string | null;

  @Column({ name: 'node_id', type: 'text', nullable: true })
  nodeId!: string | null;

  @Column({ type: 'int', default: 1 })
  visit!: number;

  @Column({ type: 'text' })
  channel!: Channel;

  /** `sandbox` until the project configures the channel's real provider. */
  @Column({ type: 'text', default: 'sandbox' })
  provider!: string;

  @Column({ type: 'text', default: 'queued' })
  status!: MessageStatus;

  @Column({ name: 'status_history', type: 'jsonb', default: [] })
  statusHistory!: MessageStatusChange[];

  @Column({ name: 'provider_message_id', type: 'text', nullable: true })
  providerMessageId!: string | null;

  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey!: string;

  /** What was sent, rendered (placeholders filled). */
  @Column({ type: 'jsonb', default: {} })
  content!: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
