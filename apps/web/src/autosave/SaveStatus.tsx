import { type SaveState } from './use-autosave';

/** "Saved" / "Saving…" / "Changed elsewhere" next to the journey name. */
export function SaveStatus({ state, onReload }: { state: SaveState; onReload: () => void }) {
  switch (state.status) {
    case 'saved':
      return (
        <span className="save-status save-status--saved" role="status">
          {state.at === undefined ? 'All changes saved' : 'Saved'}
        </span>
      );
    case 'pending':
    case 'saving':
      return (
        <span className="save-status save-status--saving" role="status">
          Saving…
        </span>
      );
    case 'conflict':
      return (
        <span className="save-status save-status--conflict" role="alert">
          Changed elsewhere.{' '}
          <button type="button" className="link-button" onClick={onReload}>
            Reload
          </button>
        </span>
      );
    case 'error':
      return (
        <span className="save-status save-status--error" role="alert" title={state.message}>
          Not saved: {state.message}
        </span>
      );
  }
}
