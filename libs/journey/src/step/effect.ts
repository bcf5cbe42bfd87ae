import { type Channel } from '../format/node-types';
import { type JourneyNode, type TagOperation } from '../format/journey-graph';

/**
 * Side effects the machine asks for, as plain data. The engine writes them to the outbox in the
 * same transaction as the new snapshot and performs them later; the machine performs nothing.
 */
export type Effect =
  /** Send a message. `idempotencyKey` is unique per (node, visit) within an instance. */
  | {
      kind: 'send';
      channel: Channel;
      nodeId: string;
      visit: number;
      idempotencyKey: string;
      /** The node's data (templates still hold placeholders; the engine renders them at send time). */
      content: JourneyNode['data'];
      /** Attributes of the event that moved the journey last, for `{{event.*}}` placeholders. */
      eventAttributes: Record<string, unknown>;
    }
  /**
   * The send of this node visit is no longer wanted (the instance ended while its message was held).
   * The engine cancels it unless it is already on its way.
   */
  | { kind: 'cancelSend'; nodeId: string; visit: number; idempotencyKey: string }
  /** Deliver a `timer` input with this id at `at` (epoch ms). */
  | { kind: 'schedule'; timerId: string; nodeId: string; at: number }
  /** The timer is no longer needed (the user moved on). Ignoring this is safe: stale timers are dropped. */
  | { kind: 'cancelTimer'; timerId: string }
  | { kind: 'updateTags'; nodeId: string; visit: number; operations: TagOperation[]; eventAttributes: Record<string, unknown> }
  /** The user reached a node (for per-node statistics). */
  | { kind: 'visit'; nodeId: string; visit: number }
  | { kind: 'conversion'; goalId: string }
  /** The instance ended. */
  | { kind: 'exit'; reason: 'completed' | 'goal'; nodeId?: string };

export type EffectKind = Effect['kind'];
