import { type JourneyGraph } from '@engine/journey';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DRAFT_VIEW } from '../canvas/canvas-view';
import { CanvasToolbar } from '../canvas/CanvasToolbar';
import { JourneyCanvas } from '../canvas/JourneyCanvas';
import { journeyDetail, omnichannel } from '../testing/journey-fixtures';
import { renderInEditor } from '../testing/render-in-editor';
import { ProblemsList } from './ProblemsList';

/** The example with the push emptied and the email check's "no" path cut. */
function brokenJourney(): JourneyGraph {
  const graph = omnichannel();
  return {
    ...graph,
    nodes: graph.nodes.map((node) => (node.id === 'push' && node.type === 'send.push' ? { ...node, data: { title: '', body: '' } } : node)),
    edges: graph.edges.filter((edge) => edge.id !== 'email-opened-no'),
  };
}

const noop = (): void => undefined;

describe('validation overlay', () => {
  it('outlines the nodes with problems and lists their messages as a tooltip', async () => {
    const { container } = renderInEditor(<JourneyCanvas overlays={{}} wrapperRef={{ current: null }} reservedRight={0} />, brokenJourney());
    await screen.findAllByText('Leave the journey');
    const card = (id: string): HTMLElement => container.querySelector<HTMLElement>(`.node-card[data-node-id="${id}"]`)!;
    expect(card('push').classList.contains('node-card--error')).toBe(true);
    expect(card('email-opened').classList.contains('node-card--error')).toBe(true);
    expect(card('email').classList.contains('node-card--error')).toBe(false);
    const tooltip = within(card('push')).getByRole('tooltip', { hidden: true });
    expect(tooltip.textContent).toContain('The push has neither a title nor a text; write at least one.');
    expect(within(card('email-opened')).getByRole('tooltip', { hidden: true }).textContent).toContain('The "no" path is not connected');
  });

  it('lists every problem; choosing one selects its node and brings it into view', () => {
    const { store } = renderInEditor(<ProblemsList onOpenSettings={noop} />, brokenJourney());
    const items = screen.getAllByRole('button');
    expect(items.map((item) => item.textContent)).toEqual([
      'ErrorPush “Promo push”: the push has neither a title nor a text; write at least one.',
      'ErrorEngagement check “Email opened?”: the "no" path is not connected; connect it to the next step (or to an Exit).',
      'ErrorWhatsApp “Promo on WhatsApp”: no path from an entry leads here, so no user will ever reach this step.',
      'ErrorExit “Reached on WhatsApp”: no path from an entry leads here, so no user will ever reach this step.',
    ]);
    fireEvent.click(items[1]);
    expect(store.getState().selectedNodeIds).toEqual(['email-opened']);
    expect(store.getState().viewRequest).toMatchObject({ kind: 'focus', nodeId: 'email-opened' });
  });

  it('says when there is nothing to fix', () => {
    renderInEditor(<ProblemsList onOpenSettings={noop} />, omnichannel());
    expect(screen.getByText('No problems: the journey is ready to publish.')).toBeTruthy();
  });

  it('keeps Publish disabled while errors remain', () => {
    const props = {
      name: 'Promo',
      onNameChange: noop,
      view: DRAFT_VIEW,
      onViewChange: noop,
      saveState: { status: 'saved' as const },
      onReload: noop,
      busy: false,
      onPublish: noop,
      onPause: noop,
      onResume: noop,
      onOpenSettings: noop,
      onToggleTestRun: noop,
      testRunOpen: false,
      onToggleSimulator: noop,
      simulatorOpen: false,
      onShowProblems: noop,
      onOpenVersions: noop,
    };
    const broken = renderInEditor(<CanvasToolbar {...props} journey={journeyDetail(brokenJourney())} />, brokenJourney());
    expect(screen.getByRole('button', { name: /Publish/ })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: '4 errors' })).toBeTruthy();
    broken.unmount();

    renderInEditor(<CanvasToolbar {...props} journey={journeyDetail(omnichannel())} />, omnichannel());
    expect(screen.getByRole('button', { name: /Publish/ })).toHaveProperty('disabled', false);
  });
});
