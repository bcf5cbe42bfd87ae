import { journeyNameProblem } from '@engine/journey';
import { useRef } from 'react';
import { type JourneyDetail } from '../api/journey-types';
import { SaveStatus } from '../autosave/SaveStatus';
import { type SaveState } from '../autosave/use-autosave';
import { useEditor, useEditorStoreApi } from '../editor-store/editor-store-context';
import { Link } from '../routing/Link';
import { routePaths } from '../routing/app-route';
import { ActionIcon } from '../ui/ActionIcon';
import { StatusBadge } from '../ui/StatusBadge';
import { useProblems } from '../validation/validation-context';
import { useToolbarHeight } from './use-toolbar-height';
import { type CanvasView, DRAFT_VIEW, LIVE_VIEW } from './canvas-view';

interface CanvasToolbarProps {
  journey: JourneyDetail;
  name: string;
  onNameChange: (name: string) => void;
  view: CanvasView;
  onViewChange: (view: CanvasView) => void;
  saveState: SaveState;
  onReload: () => void;
  busy: boolean;
  onPublish: () => void;
  onPause: () => void;
  onResume: () => void;
  onOpenSettings: () => void;
  onToggleTestRun: () => void;
  testRunOpen: boolean;
  onToggleSimulator: () => void;
  simulatorOpen: boolean;
  onShowProblems: () => void;
  onOpenVersions: () => void;
}

/** The bar above the canvas: name, status, saving, editing tools and the lifecycle actions. */
export function CanvasToolbar(props: CanvasToolbarProps) {
  const { journey, name, onNameChange, view, onViewChange, saveState, onReload, busy } = props;
  const nameProblem = journeyNameProblem(name);
  const toolbarRef = useRef<HTMLElement>(null);
  useToolbarHeight(toolbarRef);
  const store = useEditorStoreApi();
  const canUndo = useEditor((state) => state.history.past.length > 0 && !state.readOnly);
  const canRedo = useEditor((state) => state.history.future.length > 0 && !state.readOnly);
  const readOnly = useEditor((state) => state.readOnly);
  const problems = useProblems();
  const archived = journey.status === 'archived';
  const hasLive = journey.liveVersionNumber !== null && (journey.status === 'live' || journey.status === 'paused');
  const hasVersions = journey.liveVersionNumber !== null;
  const editingDraft = view.kind === 'draft' && !archived;
  const publishBlocked = problems.errorCount > 0 || saveState.status === 'conflict';
  const publishTitle =
    problems.errorCount > 0
      ? `Fix ${problems.errorCount} ${problems.errorCount === 1 ? 'error' : 'errors'} to publish`
      : saveState.status === 'conflict'
        ? 'Reload first: the journey was changed elsewhere'
        : hasLive
          ? `Publish the draft as version ${(journey.liveVersionNumber ?? 0) + 1}`
          : 'Publish: users start entering';

  return (
    <header className="canvas-toolbar" ref={toolbarRef}>
      <div className="canvas-toolbar__identity">
        <Link href={routePaths.journeys()} className="icon-button" aria-label="All journeys" title="All journeys">
          <ActionIcon name="back" />
        </Link>
        <label className="visually-hidden" htmlFor="journey-name">
          Journey name
        </label>
        <input
          id="journey-name"
          className="canvas-toolbar__name"
          value={name}
          title={name}
          // As wide as the name (within bounds), so a name is read whole, not cut after a few words.
          style={{ width: `${Math.min(Math.max(name.length + 2, 12), 44)}ch` }}
          onChange={(event) => onNameChange(event.target.value)}
          disabled={archived}
          aria-invalid={nameProblem !== undefined}
          aria-describedby={nameProblem !== undefined ? 'journey-name-problem' : undefined}
        />
        {nameProblem !== undefined && (
          <span id="journey-name-problem" className="canvas-toolbar__name-problem" role="alert">
            {nameProblem} The name is not saved until it is fixed.
          </span>
        )}
        <StatusBadge status={journey.status} />
        {journey.liveVersionNumber !== null && <span className="version-tag">v{journey.liveVersionNumber}</span>}
        {editingDraft && <SaveStatus state={saveState} onReload={onReload} />}
      </div>

      <div className="canvas-toolbar__tools" role="toolbar" aria-label="Editing">
        {editingDraft && (
          <>
            <button type="button" className="icon-button" aria-label="Undo" title="Undo (Ctrl+Z)" disabled={!canUndo} onClick={() => store.getState().undo()}>
              <ActionIcon name="undo" />
            </button>
            <button type="button" className="icon-button" aria-label="Redo" title="Redo (Ctrl+Shift+Z)" disabled={!canRedo} onClick={() => store.getState().redo()}>
              <ActionIcon name="redo" />
            </button>
            <button type="button" className="button button--quiet" title="Arrange the steps left to right" disabled={readOnly} onClick={() => store.getState().layout()}>
              <ActionIcon name="layout" /> Tidy up
            </button>
          </>
        )}
        <button type="button" className="button button--quiet" onClick={props.onOpenSettings}>
          <ActionIcon name="settings" /> Settings
        </button>
        <button type="button" className={props.testRunOpen ? 'button button--quiet button--active' : 'button button--quiet'} aria-pressed={props.testRunOpen} onClick={props.onToggleTestRun}>
          <ActionIcon name="test" /> Test run
        </button>
        <button
          type="button"
          className={props.simulatorOpen ? 'button button--quiet button--active' : 'button button--quiet'}
          aria-pressed={props.simulatorOpen}
          title="Step an imagined user through this journey in virtual time"
          onClick={props.onToggleSimulator}
        >
          <ActionIcon name="simulate" /> Simulate
        </button>
      </div>

      <div className="canvas-toolbar__lifecycle">
        {view.kind === 'draft' && problems.all.length > 0 && (
          <button type="button" className={problems.errorCount > 0 ? 'problem-count problem-count--error' : 'problem-count problem-count--warning'} onClick={props.onShowProblems}>
            {problems.errorCount > 0 ? `${problems.errorCount} ${problems.errorCount === 1 ? 'error' : 'errors'}` : `${problems.warningCount} ${problems.warningCount === 1 ? 'warning' : 'warnings'}`}
          </button>
        )}
        {hasVersions && (
          <button type="button" className="button button--quiet" aria-haspopup="dialog" onClick={props.onOpenVersions}>
            <ActionIcon name="history" /> Versions
          </button>
        )}
        {hasLive && view.kind !== 'live' && (
          <button type="button" className="button button--quiet" onClick={() => onViewChange(LIVE_VIEW)}>
            <ActionIcon name="eye" /> View live
          </button>
        )}
        {view.kind !== 'draft' && (
          <button type="button" className="button" onClick={() => onViewChange(DRAFT_VIEW)}>
            <ActionIcon name={archived ? 'eye' : 'edit'} /> {archived ? 'Show draft' : 'Edit draft'}
          </button>
        )}
        {journey.status === 'live' && (
          <button type="button" className="button" disabled={busy} onClick={props.onPause}>
            <ActionIcon name="pause" /> Pause
          </button>
        )}
        {journey.status === 'paused' && (
          <button type="button" className="button" disabled={busy} onClick={props.onResume}>
            <ActionIcon name="resume" /> Resume
          </button>
        )}
        {editingDraft && (
          <span title={publishTitle}>
            <button type="button" className="button button--primary" disabled={publishBlocked || busy} onClick={props.onPublish} aria-describedby="publish-why">
              <ActionIcon name="publish" /> {hasLive ? 'Publish changes' : 'Publish'}
            </button>
            <span id="publish-why" className="visually-hidden">
              {publishTitle}
            </span>
          </span>
        )}
      </div>
    </header>
  );
}
