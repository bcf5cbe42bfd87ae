import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, describeError } from '../api/api-error';
import { type JourneyDetail, type PublishRefusal } from '../api/journey-types';
import { journeysApi } from '../api/journeys-api';
import { useAutosave } from '../autosave/use-autosave';
import { createEditorStore, EMPTY_GRAPH } from '../editor-store/editor-store';
import { EditorStoreProvider } from '../editor-store/editor-store-context';
import { ProjectEventNamesProvider } from '../event-names/project-event-names-context';
import { useProjectEventNames } from '../event-names/use-project-event-names';
import { JourneySettingsDialog } from '../journey-settings/JourneySettingsDialog';
import { formatPublishedAt } from '../journey-versions/published-at';
import { VersionsDialog } from '../journey-versions/VersionsDialog';
import { useLiveStats } from '../live-stats/use-live-stats';
import { TestRunDrawer } from '../test-run/TestRunDrawer';
import { Notice, type NoticeMessage } from '../ui/Notice';
import { ValidationProvider } from '../validation/validation-context';
import { ProjectWhatsAppTemplatesProvider } from '../whatsapp-templates/project-whatsapp-templates-context';
import { useProjectWhatsAppTemplates } from '../whatsapp-templates/use-whatsapp-templates';
import { type CanvasView, canvasViewKey, DRAFT_VIEW, LIVE_VIEW } from './canvas-view';
import { CanvasToolbar } from './CanvasToolbar';
import { CanvasWorkspace } from './CanvasWorkspace';
import { useCanvasShortcuts } from './use-canvas-shortcuts';

/**
 * One journey: the draft on the canvas (autosaved), or, for a live journey, the live version
 * read-only with its statistics, or any older published version read-only (and copied back into
 * the draft on request); publish, pause and resume; test runs.
 */
export function CanvasPage({ journeyId }: { journeyId: string }) {
  const [draftStore] = useState(() => createEditorStore());
  const [liveStore] = useState(() => createEditorStore(EMPTY_GRAPH, { readOnly: true }));
  const [versionStore] = useState(() => createEditorStore(EMPTY_GRAPH, { readOnly: true }));
  const [journey, setJourney] = useState<JourneyDetail>();
  const [loadError, setLoadError] = useState<string>();
  const [loadToken, setLoadToken] = useState(0);
  const [view, setView] = useState<CanvasView>(DRAFT_VIEW);
  const [liveVersion, setLiveVersion] = useState<number>();
  const [name, setName] = useState('');
  const [notice, setNotice] = useState<NoticeMessage>();
  const [busy, setBusy] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [versionsOpen, setVersionsOpen] = useState(false);
  /** Bumped by every view change: a version that arrives after the user moved on is not shown. */
  const viewRequestRef = useRef(0);
  const [testRunOpen, setTestRunOpen] = useState(false);
  const [testUserNodeId, setTestUserNodeId] = useState<string>();

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
        setView(LIVE_VIEW);
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
  const liveView = shown.kind === 'live';
  const activeStore = shown.kind === 'version' ? versionStore : liveView ? liveStore : draftStore;
  const live = useLiveStats(journeyId, liveView);
  // Loaded once for the page: event fields suggest them, validation warns as the API does.
  const eventNames = useProjectEventNames();
  // WhatsApp templates too (every status): the picker offers them, validation refuses what publishing
  // would. One array for the page's life, so validation does not rerun on renders; none while
  // loading or when they could not be loaded (publishing still checks them).
  const whatsAppTemplates = useProjectWhatsAppTemplates();
  const templateRegistry = whatsAppTemplates.status === 'available' ? whatsAppTemplates.templates : undefined;
  useCanvasShortcuts(activeStore, !settingsOpen && !versionsOpen);
  const onUserAt = useCallback((nodeId: string | undefined) => setTestUserNodeId(nodeId), []);
  const dismissNotice = useCallback(() => setNotice(undefined), []);

  const changeView = (next: CanvasView): void => {
    viewRequestRef.current += 1;
    if (next.kind !== 'draft') void autosave.flush();
    setView(next);
  };

  /** The live version goes to the live view (with statistics); any other is fetched and shown read-only. */
  const showVersion = async (version: number): Promise<void> => {
    setVersionsOpen(false);
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
      if (request === viewRequestRef.current) setNotice({ kind: 'error', text: `Version ${version} could not be opened: ${describeError(error)}` });
    }
  };

  /** Copies the version on the canvas into the draft as one edit: autosave saves it, Undo takes it back. */
  const restoreAsDraft = (): void => {
    const version = shown.kind === 'version' ? shown.version : shown.kind === 'live' ? liveVersion : undefined;
    if (version === undefined || draftStore.getState().readOnly) return;
    if (!window.confirm(`Replace the draft with version ${version}? Undo in the draft brings the current draft back.`)) return;
    const graph = (shown.kind === 'version' ? versionStore : liveStore).getState().graph;
    draftStore.getState().replaceGraph(structuredClone(graph));
    changeView(DRAFT_VIEW);
    setNotice({ kind: 'success', text: `Version ${version} copied into the draft; publish to make it live.` });
  };

  // In the banner of a published version (not the toolbar, which has no room left at 1280 px).
  const restoreButton = journey?.status === 'archived' ? null : (
    <button type="button" className="link-button canvas-banner__action" title="Replace the draft with this version (Undo brings the draft back)" onClick={restoreAsDraft}>
      Restore as draft
    </button>
  );

  const publish = async (): Promise<void> => {
    setBusy(true);
    try {
      if (!(await autosave.flush())) {
        setNotice({ kind: 'error', text: 'The draft could not be saved, so nothing was published.' });
        return;
      }
      const version = await journeysApi.publish(journeyId);
      liveStore.getState().load(version.graph, { readOnly: true });
      setLiveVersion(version.version);
      setJourney((current) => (current === undefined ? current : { ...current, status: 'live', liveVersionNumber: version.version, liveVersionId: version.id }));
      changeView(LIVE_VIEW);
      setNotice({
        kind: 'success',
        text: `Version ${version.version} is live: new users enter it now.`,
        details: version.warnings.map((warning) => `Warning: ${warning.message}`),
      });
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) {
        const refusal = error.body as Partial<PublishRefusal> | undefined;
        setNotice({ kind: 'error', text: refusal?.message ?? 'The journey has problems.', details: refusal?.problems?.map((problem) => problem.message) });
      } else {
        setNotice({ kind: 'error', text: `Not published: ${describeError(error)}` });
      }
    } finally {
      setBusy(false);
    }
  };

  const changeStatus = async (action: 'pause' | 'resume'): Promise<void> => {
    setBusy(true);
    try {
      const updated = action === 'pause' ? await journeysApi.pause(journeyId) : await journeysApi.resume(journeyId);
      setJourney((current) => (current === undefined ? updated : { ...current, status: updated.status }));
      setNotice({ kind: 'info', text: action === 'pause' ? 'Paused: no new users enter; users inside carry on.' : 'Resumed: users enter again.' });
    } catch (error) {
      setNotice({ kind: 'error', text: describeError(error) });
    } finally {
      setBusy(false);
    }
  };

  if (loadError !== undefined && journey === undefined) {
    return (
      <main className="page-message" role="alert">
        <h1>This journey could not be opened</h1>
        <p>{loadError}</p>
        <button type="button" className="button" onClick={() => void load()}>
          Try again
        </button>
      </main>
    );
  }
  if (journey === undefined) {
    return (
      <main className="page-message" aria-busy="true">
        <p>Loading the journey…</p>
      </main>
    );
  }

  return (
    <ReactFlowProvider>
      <EditorStoreProvider store={activeStore}>
        <ProjectEventNamesProvider value={eventNames}>
          <ProjectWhatsAppTemplatesProvider value={whatsAppTemplates}>
            <ValidationProvider knownEvents={eventNames.knownEvents} whatsAppTemplates={templateRegistry}>
              <main className={`canvas-page canvas-page--${shown.kind}`} aria-label={`Journey ${journey.name}`}>
                <CanvasToolbar
                  journey={journey}
                  name={name}
                  onNameChange={setName}
                  view={shown}
                  onViewChange={changeView}
                  saveState={autosave.state}
                  onReload={() => void load()}
                  busy={busy}
                  onPublish={() => void publish()}
                  onPause={() => void changeStatus('pause')}
                  onResume={() => void changeStatus('resume')}
                  onOpenSettings={() => setSettingsOpen(true)}
                  onToggleTestRun={() => setTestRunOpen((open) => !open)}
                  testRunOpen={testRunOpen}
                  onShowProblems={() => activeStore.getState().select([])}
                  onOpenVersions={() => setVersionsOpen(true)}
                />
                {liveView ? (
                  <div className="canvas-banner canvas-banner--live">
                    Live version {liveVersion}{journey.status === 'paused' ? ' (paused)' : ''} — read-only, statistics refresh every 3 seconds.
                    {live.error !== undefined && <span className="error-text"> Statistics unavailable: {live.error}</span>}
                    {restoreButton}
                  </div>
                ) : shown.kind === 'version' ? (
                  <div className="canvas-banner canvas-banner--version">
                    Version {shown.version}, published {formatPublishedAt(shown.publishedAt)} — read-only.
                    {restoreButton}
                  </div>
                ) : journey.status === 'archived' ? (
                  <div className="canvas-banner">Archived — read-only. Duplicate it from the journey list to reuse it.</div>
                ) : liveVersion !== undefined ? (
                  <div className="canvas-banner canvas-banner--draft">Editing the draft. Users stay on version {liveVersion} until you publish the changes.</div>
                ) : null}
                <CanvasWorkspace
                  statsByNode={liveView ? live.byNode : undefined}
                  stats={liveView ? live.stats : undefined}
                  testUserNodeId={testUserNodeId}
                  onOpenSettings={() => setSettingsOpen(true)}
                  viewKey={canvasViewKey(shown, liveVersion)}
                />
                <TestRunDrawer
                  journeyId={journeyId}
                  open={testRunOpen}
                  onClose={() => setTestRunOpen(false)}
                  onUserAt={onUserAt}
                  onFocusNode={(nodeId) => activeStore.getState().focusNode(nodeId)}
                />
                <JourneySettingsDialog open={settingsOpen} onClose={() => setSettingsOpen(false)} />
                <VersionsDialog
                  journeyId={journeyId}
                  open={versionsOpen}
                  onClose={() => setVersionsOpen(false)}
                  archived={journey.status === 'archived'}
                  shownVersion={shown.kind === 'version' ? shown.version : liveView ? liveVersion : undefined}
                  onChoose={(version) => void showVersion(version)}
                />
                <Notice notice={notice} onDismiss={dismissNotice} />
              </main>
            </ValidationProvider>
          </ProjectWhatsAppTemplatesProvider>
        </ProjectEventNamesProvider>
      </EditorStoreProvider>
    </ReactFlowProvider>
  );
}
