/**
 * What the canvas shows: the draft (editable unless archived), the live version (read-only, with
 * its statistics), or another published version (read-only, no statistics).
 */
export type CanvasView = { kind: 'draft' } | { kind: 'live' } | { kind: 'version'; version: number; publishedAt: string };

export const DRAFT_VIEW: CanvasView = { kind: 'draft' };
export const LIVE_VIEW: CanvasView = { kind: 'live' };

/** Differs per graph shown, so the canvas starts afresh and fits each one. */
export function canvasViewKey(view: CanvasView, liveVersion: number | undefined): string {
  if (view.kind === 'version') return `version-${view.version}`;
  return view.kind === 'live' ? `live-${liveVersion}` : 'draft';
}

const VIEW_PARAMETER = 'view';

/** Whether the address asks for the draft (`?view=draft`): a reload while editing a live journey's draft stays on it. */
export function draftAskedIn(search: string): boolean {
  return new URLSearchParams(search).get(VIEW_PARAMETER) === 'draft';
}

/** The address's query with the view recorded: `view=draft` for the draft, nothing for the others. */
export function searchWithView(search: string, view: CanvasView): string {
  const parameters = new URLSearchParams(search);
  if (view.kind === 'draft') parameters.set(VIEW_PARAMETER, 'draft');
  else parameters.delete(VIEW_PARAMETER);
  const text = parameters.toString();
  return text === '' ? '' : `?${text}`;
}
