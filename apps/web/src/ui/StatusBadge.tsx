import { type JourneyStatus } from '../api/journey-types';

const LABELS: Record<JourneyStatus, string> = { draft: 'Draft', live: 'Live', paused: 'Paused', archived: 'Archived' };

export function StatusBadge({ status }: { status: JourneyStatus }) {
  return <span className={`status-badge status-badge--${status}`}>{LABELS[status]}</span>;
}
