import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEditorStore, type EditorStore } from '../editor-store/editor-store';
import { omnichannel } from '../testing/journey-fixtures';
import { SaveStatus } from './SaveStatus';
import { AUTOSAVE_DELAY_MS, useAutosave } from './use-autosave';

function AutosaveHarness({ store, name = 'Promo' }: { store: EditorStore; name?: string }) {
  const autosave = useAutosave({ journeyId: 'j1', store, name, revision: 'rev-0', loadToken: 1, enabled: true });
  return <SaveStatus state={autosave.state} onReload={() => undefined} />;
}

function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('autosave', () => {
  it('saves the draft a moment after a change, sending the revision it is based on', async () => {
    const fetch = vi.fn((_url: string, _init: RequestInit) => Promise.resolve(answer(200, { id: 'j1', name: 'Promo', revision: 'rev-1' })));
    vi.stubGlobal('fetch', fetch);
    const store = createEditorStore(omnichannel());
    render(<AutosaveHarness store={store} />);
    act(() => {
      store.getState().select(['push']);
      store.getState().deleteSelection();
    });
    expect(screen.getByRole('status').textContent).toBe('Saving…');
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1), { timeout: 3000 });
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('/api/v1/journeys/j1');
    expect(init.method).toBe('PUT');
    const body = JSON.parse(init.body as string) as { revision: string; graph: { nodes: Array<{ id: string }> } };
    expect(body.revision).toBe('rev-0');
    expect(body.graph.nodes.some((node) => node.id === 'push')).toBe(false);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));

    act(() => store.getState().undo());
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(2), { timeout: 3000 });
    expect((JSON.parse(fetch.mock.calls[1][1].body as string) as { revision: string }).revision).toBe('rev-1');
  });

  it('stops and says so when the journey was changed elsewhere (409)', async () => {
    const fetch = vi.fn(() => Promise.resolve(answer(409, { statusCode: 409, message: 'The journey was changed since revision rev-0' })));
    vi.stubGlobal('fetch', fetch);
    const store = createEditorStore(omnichannel());
    render(<AutosaveHarness store={store} />);
    act(() => store.getState().layout());
    expect(await screen.findByText(/Changed elsewhere/, {}, { timeout: 3000 })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
    // Well past the autosave delay, on a fake clock: a save scheduled by the undo would have run.
    vi.useFakeTimers();
    act(() => store.getState().undo());
    await act(() => vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 3));
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
