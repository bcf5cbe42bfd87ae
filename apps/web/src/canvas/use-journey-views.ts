import { type Dispatch, type SetStateAction, useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from '../api/api-error';
import { type JourneyDetail, type JourneyVersion } from '../api/journey-types';
import { journeysApi } from '../api/journeys-api';
import { type Autosave, useAutosave } from '../autosave/use-autosave';
import { createEditorStore, type EditorStore, EMPTY_GRAPH } from '../editor-store/editor-store';
import { type NoticeMessage } from '../ui/Notice';
import { type CanvasView, draftAskedIn, DRAFT_VIEW, LIVE_VIEW, searchWithView } from './canvas-view';

interface JourneyViewsOptions {
  journeyId: string;
  onNotice: (notice: NoticeMessage) => void;
}

export interface JourneyViews {
  /** Undefined until the first load succeeds. */
  journey: JourneyDetail | undefined;
  setJourney: Dispatch<SetStateAction<JourneyDetail | undefined>>;
  loadError: string | undefined;
  /** (Re)loads the journey: its draft, and its live version when it has one (shown then). */
  load: () => Promise<void>;
  /** The name being edited; saved with the draft. */
  name: string;
  setName: (name: string) => void;
  autosave: Autosave;
  /** The view on the canvas: the live view falls back to the draft until the live version has loaded. */
  shown: CanvasView;
  /** The store of the graph shown. */
  activeStore: EditorStore;
  liveVersion: number | undefined;
  changeView: (next: CanvasView) => void;
  /** The live version goes to the live view (with statistics); any other is fetched and shown read-only. */
  showVersion: (version: number) => Promise<void>;
  /** Puts a version just published on the canvas as the live one. */
  showNewLiveVersion: (version: JourneyVersion) => void;
  /** Copies the version on the canvas into the draft as one edit: autosave saves it, Undo takes it back. */
  restoreAsDraft: () => void;
}

/**
 * One journey and the graph the canvas shows of it: the draft (autosaved), the live version, or
 * any older published version, each in its own store so switching keeps the draft's undo history.
 */
export function useJourneyViews({ journeyId, onNotice }: JourneyViewsOptions): JourneyViews {
  const [draftStore] = useState(() => createEditorStore());
  const [liveStore] = useState(() => createEditorStore(EMPTY_GRAPH, { readOnly: true }));
  const [versionStore] = useState(() => createEditorStore(EMPTY_GRAPH, { readOnly: true }));
  const [journey, setJourney] = useState<JourneyDetail>();
  const [loadError, setLoadError] = useState<string>();
  const [loadToken, setLoadToken] = useState(0);
  const [view, setView] = useState<CanvasView>(DRAFT_VIEW);
  const [liveVersion, setLiveVersion] = useState<number>();
  const [name, setName] = useState('');
  /** Bumped by every view change: a version that arrives after the user moved on is not shown. */
  const viewRequestRef = useRef(0);

  const load = useCallback(async (): Promise<void> => {
    try {
      const detail = await journeysApi.get(journeyId);
      draftStore.getState().load(detail.graph, { readOnly: detail.status === 'archived' });
      setJourney(detail);
      setName(detail.name);
      setLoadToken((token) => token + 1);
      setLoadError(undefined);
      viewRequestRef.current += 1;
      if ((detail.status === 'live' || detail.status === 'paused') && detail.liveVersionNumber !== null) {
        const version = await journeysApi.version(journeyId, detail.liveVersionNumber);
        liveStore.getState().load(version.graph, { readOnly: true });
        setLiveVersion(version.version);
        // The live view first, unless the address says the draft was being edited (a reload).
        setView(draftAskedIn(window.location.search) ? DRAFT_VIEW : LIVE_VIEW);
      } else {
        setView(DRAFT_VIEW);
      }
    } catch (error) {
      setLoadError(describeError(error));
    }
  }, [journeyId, draftStore, liveStore]);

  useEffect(() => {
    void load();
  }, [load]);

  const autosave = useAutosave({
    journeyId,
    store: draftStore,
    name,
    revision: journey?.revision,
    loadToken,
    enabled: journey !== undefined && journey.status !== 'archived',
    onSaved: (saved) => setJourney((current) => (current === undefined ? current : { ...current, name: saved.name, revision: saved.revision, updatedAt: saved.updatedAt })),
  });

  const shown: CanvasView = view.kind === 'live' && liveVersion === undefined ? DRAFT_VIEW : view;
  const activeStore = shown.kind === 'version' ? versionStore : shown.kind === 'live' ? liveStore : draftStore;

  const changeView = (next: CanvasView): void => {
    viewRequestRef.current += 1;
    if (next.kind !== 'draft') void autosave.flush();
    setView(next);
    // Only a live journey has a view to come back to; a draft-only journey shows its draft anyway.
    if (liveVersion !== undefined) {
      const search = searchWithView(window.location.search, next);
      if (search !== window.location.search) window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${window.location.hash}`);
    }
  };

  const showVersion = async (version: number): Promise<void> => {
    if (version === liveVersion) {
      changeView(LIVE_VIEW);
      return;
    }
    const request = (viewRequestRef.current += 1);
    try {
      const loaded = await journeysApi.version(journeyId, version);
      if (request !== viewRequestRef.current) return;
      versionStore.getState().load(loaded.graph, { readOnly: true });
      changeView({ kind: 'version', version: loaded.version, publishedAt: loaded.publishedAt });
    } catch (error) {
      if (request === viewRequestRef.current) onNotice({ kind: 'error', text: `Version ${version} could not be opened: ${describeError(error)}` });
    }
  };

  const showNewLiveVersion = (version: JourneyVersion): void => {
    liveStore.getState().load(version.graph, { readOnly: true });
    setLiveVersion(version.version);
    changeView(LIVE_VIEW);
  };

  const restoreAsDraft = (): void => {
    const version = shown.kind === 'version' ? shown.version : shown.kind === 'live' ? liveVersion : undefined;
    if (version === undefined || draftStore.getState().readOnly) return;
    if (!window.confirm(`Replace the draft with version ${version}? Undo in the draft brings the current draft back.`)) return;
    const graph = (shown.kind === 'version' ? versionStore : liveStore).getState().graph;
    draftStore.getState().replaceGraph(structuredClone(graph));
    changeView(DRAFT_VIEW);
    onNotice({ kind: 'success', text: `Version ${version} copied into the draft; publish to make it live.` });
  };

  return {
    journey,
    setJourney,
    loadError,
    load,
    name,
    setName,
    autosave,
    shown,
    activeStore,
    liveVersion,
    changeView,
    showVersion,
    showNewLiveVersion,
    restoreAsDraft,
  };
}
