import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useState } from 'react';
import { ConflictBanner } from '../autosave/ConflictBanner';
import { EditorStoreProvider } from '../editor-store/editor-store-context';
import { ProjectEventNamesProvider } from '../event-names/project-event-names-context';
import { useProjectEventNames } from '../event-names/use-project-event-names';
import { JourneySettingsDialog } from '../journey-settings/JourneySettingsDialog';
import { VersionsDialog } from '../journey-versions/VersionsDialog';
import { useLiveStats } from '../live-stats/use-live-stats';
import { PublishReviewDialog } from '../publish-review/PublishReviewDialog';
import { SimulatorDrawer } from '../simulator/SimulatorDrawer';
import { TestRunDrawer } from '../test-run/TestRunDrawer';
import { Notice, type NoticeMessage } from '../ui/Notice';
import { ValidationProvider } from '../validation/validation-context';
import { ProjectWhatsAppTemplatesProvider } from '../whatsapp-templates/project-whatsapp-templates-context';
import { useProjectWhatsAppTemplates } from '../whatsapp-templates/use-whatsapp-templates';
import { CanvasBanner } from './CanvasBanner';
import { canvasViewKey } from './canvas-view';
import { CanvasToolbar } from './CanvasToolbar';
import { CanvasWorkspace } from './CanvasWorkspace';
import { useCanvasShortcuts } from './use-canvas-shortcuts';
import { useJourneyLifecycle } from './use-journey-lifecycle';
import { useJourneyViews } from './use-journey-views';

/**
 * One journey: the draft on the canvas (autosaved), or, for a live journey, the live version
 * read-only with its statistics, or any older published version read-only (and copied back into
 * the draft on request); publish, pause and resume; test runs.
 */
export function CanvasPage({ journeyId }: { journeyId: string }) {
  const [notice, setNotice] = useState<NoticeMessage>();
  const [settingsOpen, setSettingsOpen] = useState(false);
  // Publishing starts with a review of what it will start.
  const [reviewOpen, setReviewOpen] = useState(false);
  const [versionsOpen, setVersionsOpen] = useState(false);
  // One drawer at a time: the live test run or the simulator.
  const [drawer, setDrawer] = useState<'testRun' | 'simulator'>();
  const testRunOpen = drawer === 'testRun';
  const simulatorOpen = drawer === 'simulator';
  const [testUserNodeId, setTestUserNodeId] = useState<string>();
  const [simulated, setSimulated] = useState<{ path: readonly string[]; here: string | undefined }>({ path: [], here: undefined });
  const { journey, setJourney, loadError, load, name, setName, autosave, shown, activeStore, liveVersion, changeView, showVersion, showNewLiveVersion, restoreAsDraft } =
    useJourneyViews({ journeyId, onNotice: setNotice });
  const { busy, publish, changeStatus } = useJourneyLifecycle({ journeyId, flushDraft: autosave.flush, setJourney, showNewLiveVersion, onNotice: setNotice });

  const liveView = shown.kind === 'live';
  const live = useLiveStats(journeyId, liveView);
  // Loaded once for the page: event fields suggest them, validation warns as the API does.
  const eventNames = useProjectEventNames();
  // WhatsApp templates too (every status): the picker offers them, validation refuses what publishing
  // would. One array for the page's life, so validation does not rerun on renders; none while
  // loading or when they could not be loaded (publishing still checks them).
  const whatsAppTemplates = useProjectWhatsAppTemplates();
  const templateRegistry = whatsAppTemplates.status === 'available' ? whatsAppTemplates.templates : undefined;
  useCanvasShortcuts(activeStore, !settingsOpen && !versionsOpen && !reviewOpen);
  const onUserAt = useCallback((nodeId: string | undefined) => setTestUserNodeId(nodeId), []);
  const onSimulatedPath = useCallback((path: readonly string[], here: string | undefined) => setSimulated({ path, here }), []);
  const toggleDrawer = (which: 'testRun' | 'simulator'): void => setDrawer((open) => (open === which ? undefined : which));
  const dismissNotice = useCallback(() => setNotice(undefined), []);

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
                  onPublish={() => setReviewOpen(true)}
                  onPause={() => void changeStatus('pause')}
                  onResume={() => void changeStatus('resume')}
                  onOpenSettings={() => setSettingsOpen(true)}
                  onToggleTestRun={() => toggleDrawer('testRun')}
                  testRunOpen={testRunOpen}
                  onToggleSimulator={() => toggleDrawer('simulator')}
                  simulatorOpen={simulatorOpen}
                  onShowProblems={() => activeStore.getState().select([])}
                  onOpenVersions={() => setVersionsOpen(true)}
                />
                <CanvasBanner view={shown} status={journey.status} liveVersion={liveVersion} statsError={live.error} onRestore={restoreAsDraft} />
                {shown.kind === 'draft' && autosave.state.status === 'conflict' && <ConflictBanner onLoadTheirs={() => void load()} onKeepMine={autosave.keepMine} />}
                <CanvasWorkspace
                  statsByNode={liveView ? live.byNode : undefined}
                  statsJourneyId={liveView ? journeyId : undefined}
                  stats={liveView ? live.stats : undefined}
                  testUserNodeId={simulatorOpen ? simulated.here : testUserNodeId}
                  path={simulatorOpen ? simulated.path : undefined}
                  onOpenSettings={() => setSettingsOpen(true)}
                  viewKey={canvasViewKey(shown, liveVersion)}
                />
                <TestRunDrawer
                  journeyId={journeyId}
                  open={testRunOpen}
                  onClose={() => setDrawer(undefined)}
                  onUserAt={onUserAt}
                  onFocusNode={(nodeId) => activeStore.getState().focusNode(nodeId)}
                />
                <SimulatorDrawer
                  open={simulatorOpen}
                  onClose={() => setDrawer(undefined)}
                  onPath={onSimulatedPath}
                  onFocusNode={(nodeId) => activeStore.getState().focusNode(nodeId)}
                />
                <JourneySettingsDialog open={settingsOpen} onClose={() => setSettingsOpen(false)} />
                <PublishReviewDialog
                  open={reviewOpen}
                  replacesVersion={journey.liveVersionNumber ?? undefined}
                  onCancel={() => setReviewOpen(false)}
                  onConfirm={() => {
                    setReviewOpen(false);
                    void publish();
                  }}
                />
                <VersionsDialog
                  journeyId={journeyId}
                  open={versionsOpen}
                  onClose={() => setVersionsOpen(false)}
                  archived={journey.status === 'archived'}
                  shownVersion={shown.kind === 'version' ? shown.version : liveView ? liveVersion : undefined}
                  onChoose={(version) => {
                    setVersionsOpen(false);
                    void showVersion(version);
                  }}
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
