import { isEntryNodeType, isSendNodeType, type NodeType } from '@engine/journey';
import { type NodeStats } from '../api/journey-types';

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

interface StatCell {
  key: string;
  label: string;
  value: number;
  title: string;
}

/** The counters a node shows: users here now and passing through; for messages sent, opened, failed. */
export function statCells(stats: NodeStats, type: NodeType): StatCell[] {
  const now = { key: 'now', label: 'now', value: stats.now, title: 'Users at this step now' };
  const entered = { key: 'entered', label: isEntryNodeType(type) ? 'entered' : 'reached', value: stats.entered, title: 'Times users reached this step' };
  const conversions = { key: 'conversions', label: 'conv.', value: stats.conversions, title: 'Conversions of users who were at this step' };
  if (isSendNodeType(type)) {
    return [
      stats.waitingToSend > 0 ? { key: 'waiting', label: 'waiting', value: stats.waitingToSend, title: waitingTitle(stats) } : now,
      { key: 'sent', label: 'sent', value: stats.sent, title: 'Messages sent' },
      type === 'send.webhook'
        ? { key: 'delivered', label: 'ok', value: stats.delivered, title: 'Calls that succeeded' }
        : { key: 'opened', label: 'opened', value: stats.opened, title: 'Messages opened or read' },
      { key: 'failed', label: 'failed', value: stats.failed, title: failedTitle(stats) },
    ];
  }
  return [now, entered, conversions];
}

/** Messages that failed, and apart from them those whose outcome is unknown (cut off mid-send). */
export function failedTitle(stats: NodeStats): string {
  return stats.unknown > 0 ? `Messages that failed (and ${stats.unknown} more whose send was cut off, outcome unknown)` : 'Messages that failed';
}

/** `Waiting to send: 3 held by silent hours, 1 being retried after a provider error`. */
export function waitingTitle(stats: NodeStats): string {
  const reasons = [
    stats.waitingForSilentHours > 0 ? `${stats.waitingForSilentHours} held by silent hours` : '',
    stats.waitingForRetry > 0 ? `${stats.waitingForRetry} being retried after a provider error` : '',
    stats.waitingInQueue > 0 ? `${stats.waitingInQueue} queued (throttle or rate limit)` : '',
  ].filter(Boolean);
  return `Users waiting for this message to go out (${reasons.join(', ')})`;
}

/** Live counters on a node card, as one strip of fixed height (cards keep their layout). */
export function NodeStatsBadges({ stats, type }: { stats: NodeStats; type: NodeType }) {
  return (
    <dl className="node-stats" aria-label="Statistics">
      {statCells(stats, type).map((cell) => (
        <div key={cell.key} className={`node-stats__cell node-stats__cell--${cell.key}${cell.value > 0 ? ' node-stats__cell--some' : ''}`} title={`${cell.title}: ${cell.value}`}>
          <dd>{compact.format(cell.value)}</dd>
          <dt>{cell.label}</dt>
        </div>
      ))}
    </dl>
  );
}
