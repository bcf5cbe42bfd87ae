import { useState } from 'react';

interface ConflictBannerProps {
  /** Loads the draft as saved elsewhere; this tab's unsaved changes are dropped. */
  onLoadTheirs: () => void;
  /** Saves this tab's draft over the one saved elsewhere. */
  onKeepMine: () => Promise<boolean>;
}

/**
 * The draft was saved elsewhere (another tab, a colleague) since this tab loaded it: saving has
 * stopped. A full-width line above the canvas, never under the toolbar's buttons, with both ways out.
 */
export function ConflictBanner({ onLoadTheirs, onKeepMine }: ConflictBannerProps) {
  const [busy, setBusy] = useState(false);
  return (
    <div className="canvas-banner canvas-banner--conflict" role="alert">
      <span>This journey was changed elsewhere since you opened it, so your latest changes are not saved.</span>
      <button type="button" className="button" disabled={busy} onClick={onLoadTheirs}>
        Load the other version
      </button>
      <button
        type="button"
        className="button button--primary"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void onKeepMine().finally(() => setBusy(false));
        }}
      >
        Keep my version
      </button>
    </div>
  );
}
