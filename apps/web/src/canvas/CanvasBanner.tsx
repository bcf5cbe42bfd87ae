import { type JourneyStatus } from '../api/journey-types';
import { formatPublishedAt } from '../journey-versions/published-at';
import { type CanvasView } from './canvas-view';

interface CanvasBannerProps {
  view: CanvasView;
  status: JourneyStatus;
  liveVersion: number | undefined;
  /** Why the live statistics could not be loaded, if they could not. */
  statsError: string | undefined;
  /** Copies the version shown into the draft. */
  onRestore: () => void;
}

/** The line above the canvas saying what is shown and whether it can be edited. */
export function CanvasBanner({ view, status, liveVersion, statsError, onRestore }: CanvasBannerProps) {
  // In the banner of a published version (not the toolbar, which has no room left at 1280 px).
  const restoreButton =
    status === 'archived' ? null : (
      <button type="button" className="link-button canvas-banner__action" title="Replace the draft with this version (Undo brings the draft back)" onClick={onRestore}>
        Restore as draft
      </button>
    );

  if (view.kind === 'live') {
    return (
      <div className="canvas-banner canvas-banner--live">
        Live version {liveVersion}{status === 'paused' ? ' (paused)' : ''} — read-only, statistics refresh every 3 seconds.
        {statsError !== undefined && <span className="error-text"> Statistics unavailable: {statsError}</span>}
        {restoreButton}
      </div>
    );
  }
  if (view.kind === 'version') {
    return (
      <div className="canvas-banner canvas-banner--version">
        Version {view.version}, published {formatPublishedAt(view.publishedAt)} — read-only.
        {restoreButton}
      </div>
    );
  }
  if (status === 'archived') return <div className="canvas-banner">Archived — read-only. Duplicate it from the journey list to reuse it.</div>;
  if (liveVersion !== undefined) {
    return <div className="canvas-banner canvas-banner--draft">Editing the draft. Users stay on version {liveVersion} until you publish the changes.</div>;
  }
  return null;
}
