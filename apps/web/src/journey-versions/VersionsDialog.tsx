import { useEffect, useState } from 'react';
import { describeError } from '../api/api-error';
import { type JourneyVersionSummary } from '../api/journey-types';
import { journeysApi } from '../api/journeys-api';
import { Dialog } from '../ui/Dialog';
import { formatPublishedAt } from './published-at';

type VersionsState = { status: 'loading' } | { status: 'loaded'; versions: JourneyVersionSummary[] } | { status: 'error'; message: string };

interface VersionsDialogProps {
  journeyId: string;
  open: boolean;
  onClose: () => void;
  /** An archived journey has no live version any more: its last one is marked "Last live". */
  archived: boolean;
  /** The version on the canvas now (undefined while the draft is shown). */
  shownVersion: number | undefined;
  onChoose: (version: number) => void;
}

/** Every published version of the journey, newest first; choosing one shows it on the canvas. */
export function VersionsDialog({ journeyId, open, onClose, archived, shownVersion, onChoose }: VersionsDialogProps) {
  const [state, setState] = useState<VersionsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // Fetched on every opening: a publish since the last one adds a version.
  useEffect(() => {
    if (!open) return undefined;
    let stale = false;
    setState({ status: 'loading' });
    journeysApi.versions(journeyId).then(
      (versions) => {
        if (!stale) setState({ status: 'loaded', versions: [...versions].sort((a, b) => b.version - a.version) });
      },
      (error: unknown) => {
        if (!stale) setState({ status: 'error', message: describeError(error) });
      },
    );
    return () => {
      stale = true;
    };
  }, [journeyId, open, attempt]);

  return (
    <Dialog title="Published versions" open={open} onClose={onClose}>
      <p className="muted versions-dialog__intro">Published versions never change. Open one to see it read-only, and copy it into the draft from there if you want it back.</p>
      {state.status === 'loading' && <p className="muted">Loading the versions…</p>}
      {state.status === 'error' && (
        <div role="alert">
          <p className="error-text">The versions could not be loaded: {state.message}</p>
          <button type="button" className="button" onClick={() => setAttempt((count) => count + 1)}>
            Try again
          </button>
        </div>
      )}
      {state.status === 'loaded' && state.versions.length === 0 && <p className="muted">Nothing has been published yet.</p>}
      {state.status === 'loaded' && state.versions.length > 0 && (
        <ul className="version-list" aria-label="Published versions, newest first">
          {state.versions.map((version) => {
            const publishedAt = formatPublishedAt(version.publishedAt);
            const liveLabel = archived ? 'Last live' : 'Live';
            return (
              <li key={version.id}>
                <button
                  type="button"
                  className="version-list__item"
                  aria-current={version.version === shownVersion ? 'true' : undefined}
                  aria-label={`Version ${version.version}${version.live ? `, ${liveLabel.toLowerCase()}` : ''}, published ${publishedAt}`}
                  onClick={() => onChoose(version.version)}
                >
                  <span className="version-list__name">Version {version.version}</span>
                  {version.live && <span className={archived ? 'status-badge' : 'status-badge status-badge--live'}>{liveLabel}</span>}
                  {version.version === shownVersion && <span className="version-list__shown">On the canvas</span>}
                  <time className="version-list__date" dateTime={version.publishedAt}>
                    {publishedAt}
                  </time>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </Dialog>
  );
}
