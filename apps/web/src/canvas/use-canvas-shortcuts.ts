import { useEffect } from 'react';
import { type EditorStore } from '../editor-store/editor-store';

/** Typing in a field keeps its own undo, copy and delete. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Canvas keyboard shortcuts: Delete/Backspace removes the selection, Ctrl+C / Ctrl+V copy and
 * paste nodes, Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) undo and redo, Escape clears the selection.
 * Cmd works instead of Ctrl on macOS.
 */
export function useCanvasShortcuts(store: EditorStore, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return undefined;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || isTyping(event.target)) return;
      if (event.target instanceof HTMLElement && event.target.closest('dialog, .drawer')) return;
      const state = store.getState();
      const modifier = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (modifier && key === 'z') {
        event.preventDefault();
        if (event.shiftKey) state.redo();
        else state.undo();
      } else if (modifier && key === 'y') {
        event.preventDefault();
        state.redo();
      } else if (modifier && key === 'c') {
        if (window.getSelection()?.toString()) return;
        state.copySelection();
      } else if (modifier && key === 'v') {
        event.preventDefault();
        state.paste();
      } else if (!modifier && (event.key === 'Delete' || event.key === 'Backspace')) {
        if (state.selectedNodeIds.length === 0 && state.selectedEdgeIds.length === 0) return;
        event.preventDefault();
        state.deleteSelection();
      } else if (event.key === 'Escape') {
        state.select([], []);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, enabled]);
}
