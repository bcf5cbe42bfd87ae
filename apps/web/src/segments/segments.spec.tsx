import { type Condition } from '@engine/journey';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type SavedSegment } from '../api/segments-api';
import { type EditorStore } from '../editor-store/editor-store';
import { NodePanel } from '../node-panels/NodePanel';
import { graphOf } from '../testing/journey-fixtures';
import { renderInEditor } from '../testing/render-in-editor';
import { deleteWarning, SegmentsPage } from './SegmentsPage';

const SUSHI = '0b6f2c1e-3c1d-4a52-9a0e-5d2f8c7b1a00';
const VIP = '0b6f2c1e-3c1d-4a52-9a0e-5d2f8c7b1a01';
const segments: SavedSegment[] = [
  {
    id: SUSHI,
    name: 'Ordered Asian food',
    description: '90 days',
    condition: { history: { event: 'Order', where: { field: 'event.cuisine', op: 'eq', value: 'asian' }, within: '90d' } },
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T10:00:00.000Z',
    usedBy: [{ id: 'j1', name: 'Sushi promo', status: 'live' }],
  },
  { id: VIP, name: 'VIP', description: '', condition: { field: 'tags.vip', op: 'eq', value: true }, createdAt: '2026-12-01T10:00:00.000Z', updatedAt: '2026-12-01T10:00:00.000Z', usedBy: [] },
];

function answer(status: number, body: unknown): Promise<Response> {
  return Promise.resolve(new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

/** A fake API: the list, previews (422 for a condition naming event.*), creation. */
function fakeApi() {
  const fetch = vi.fn((url: string, init?: RequestInit) => {
    if (url === '/api/v1/segments' && (init?.method ?? 'GET') === 'GET') return answer(200, segments);
    if (url === '/api/v1/segments/preview') {
      const body = JSON.parse(init?.body as string) as { condition: Condition };
      if (JSON.stringify(body.condition).includes('event.')) return answer(422, { message: ['condition.field: event.text is an attribute of an event'] });
      return answer(200, { count: 2, sample: [{ id: 'u1', externalId: 'anna', email: null, phone: null }, { id: 'u2', externalId: 'chen', email: null, phone: null }] });
    }
    if (url === '/api/v1/segments' && init?.method === 'POST') return answer(201, { ...segments[1], id: 'new', name: 'New' });
    return answer(404, { message: `unexpected ${url}` });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

afterEach(() => vi.unstubAllGlobals());

describe('segments page', () => {
  it('lists segments with the journeys that use them', async () => {
    fakeApi();
    render(<SegmentsPage />);
    const row = (await screen.findByText('Ordered Asian food')).closest('tr')!;
    expect(within(row).getByText('Sushi promo')).toBeTruthy();
  });

  it('warns before deleting a segment journeys use, naming them', () => {
    expect(deleteWarning(segments[0])).toBe('Delete “Ordered Asian food”? It is used by “Sushi promo” (live): nobody will be in it for those journeys until they choose another segment.');
    expect(deleteWarning(segments[1])).toBe('Delete “VIP”?');
  });

  it('counts the condition live while editing, and shows the refusal of a bad one', async () => {
    const fetch = fakeApi();
    render(<SegmentsPage />);
    fireEvent.click(await screen.findByRole('button', { name: 'New segment' }));
    expect(await screen.findByText('2 users')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Sample of matching users' }).textContent).toContain('anna');
    fireEvent.change(screen.getByLabelText('Field'), { target: { value: 'event.text' } });
    expect(await screen.findByText('condition.field: event.text is an attribute of an event')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Field'), { target: { value: 'tags.plan' } });
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Pro users' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save segment' }));
    await vi.waitFor(() => expect(fetch.mock.calls.some(([url, init]) => url === '/api/v1/segments' && init?.method === 'POST')).toBe(true));
    const posted = fetch.mock.calls.find(([url, init]) => url === '/api/v1/segments' && init?.method === 'POST')!;
    expect(JSON.parse(posted[1]?.body as string)).toMatchObject({ name: 'Pro users', condition: { and: [{ field: 'tags.plan', op: 'eq' }] } });
  });
});

describe('segments in journeys', () => {
  function renderNode(node: Parameters<typeof graphOf>[0]): { store: EditorStore } {
    return renderInEditor(<NodePanel nodeId={node.id} />, graphOf(node));
  }
  const dataOf = (store: EditorStore, id: string): unknown => store.getState().graph.nodes.find((node) => node.id === id)?.data;

  it('adds an "in segment" row to a condition and picks a saved segment', async () => {
    fakeApi();
    const { store } = renderNode({ id: 'branch', type: 'branch.condition', position: { x: 0, y: 0 }, data: { condition: { field: 'tags.plan', op: 'eq', value: 'pro' } } });
    fireEvent.click(screen.getByRole('button', { name: '+ In segment' }));
    const row = screen.getByRole('group', { name: 'Segment condition' });
    await within(row).findByRole('option', { name: 'VIP' });
    fireEvent.change(within(row).getByLabelText('Segment'), { target: { value: VIP } });
    expect(dataOf(store, 'branch')).toEqual({ condition: { and: [{ field: 'tags.plan', op: 'eq', value: 'pro' }, { segment: VIP }] } });
  });

  it('lets a segment entry take a saved segment by reference', async () => {
    fakeApi();
    const { store } = renderNode({ id: 'entry', type: 'entry.segment', position: { x: 0, y: 0 }, data: { segment: { field: 'tags.plan', op: 'eq', value: 'pro' } } });
    fireEvent.click(screen.getByRole('radio', { name: 'Saved segment' }));
    await screen.findByRole('option', { name: 'Ordered Asian food' });
    fireEvent.change(screen.getByLabelText('Saved segment'), { target: { value: SUSHI } });
    expect(dataOf(store, 'entry')).toEqual({ segment: { segment: SUSHI } });
    fireEvent.click(screen.getByRole('radio', { name: 'Write a condition' }));
    expect(dataOf(store, 'entry')).toEqual({ segment: { and: [] } });
  });
});
