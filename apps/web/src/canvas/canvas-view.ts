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
