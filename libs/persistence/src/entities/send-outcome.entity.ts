import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const SEND_OUTCOMES = ['sent', 'not_sent'] as const;
export type SendOutcomeKind = (typeof SEND_OUTCOMES)[number];

/**
 * The final result of a journey send (sent, or finally not sent), recorded in the same transaction
 * as the message's status, for the stepping batch to feed to its instance as a `sendOutcome` input
 * under the user row lock, like an event. One per (instance, node, visit). Written only through
 * `SendOutcomeStore`; the sweeper re-queues users whose outcomes stay unapplied.
 */
@Entity({ name: 'send_outcomes' })
@Check('send_outcomes_outcome_check', "outcome IN ('sent', 'not_sent')")
@Index('send_outcomes_instance_node_visit', ['instanceId', 'nodeId', 'visit'], { unique: true })
// Partial indexes on unapplied rows (per user for the batch, by time for the sweeper), managed by the migration alone.
@Index('send_outcomes_unapplied_user', { synchronize: false })
@Index('send_outcomes_unapplied_recorded', { synchronize: false })
export class SendOutcomeEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'instance_id', type: 'uuid' })
  instanceId!: string;

  @Column({ name: 'node_id', type: 'text' })
  nodeId!: string;

  @Column({ type: 'int' })
  visit!: number;

  @Column({ type: 'text' })
  outcome!: SendOutcomeKind;

  /** When the message went out (or was given up): engagement windows start here. */
  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;

  /** When a stepping batch fed it to its instance (or found the instance gone). */
  @Column({ name: 'applied_at', type: 'timestamptz', nullable: true })
  appliedAt!: Date | null;
}
