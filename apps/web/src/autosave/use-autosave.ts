import { journeyNameProblem } from '@engine/journey';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, describeError } from '../api/api-error';
import { type JourneyDetail } from '../api/journey-types';
import { journeysApi } from '../api/journeys-api';
import { type EditorStore } from '../editor-store/editor-store';

export const AUTOSAVE_DELAY_MS = 800;

export type SaveState =
  | { status: 'saved'; at?: Date }
  | { status: 'pending' }
  | { status: 'saving' }
  /** Someone else saved the draft since it was loaded: reload before editing on. */
  | { status: 'conflict' }
  | { status: 'error'; message: string };

interface AutosaveOptions {
  journeyId: string;
  store: EditorStore;
  name: string;
  /** The revision of the draft as loaded. */
  revision: string | undefined;
  /** Changes whenever a draft is (re)loaded into the store: what is in the store then counts as saved. */
  loadToken: number;
  enabled: boolean;
  onSaved?: (journey: JourneyDetail) => void;
}

export interface Autosave {
  state: SaveState;
  /** Saves now whatever is pending; resolves false when it could not be saved. */
  flush: () => Promise<boolean>;
  /**
   * After a conflict: saves this tab's draft over the one saved elsewhere (based on the latest
   * revision); resolves false when that failed too.
   */
  keepMine: () => Promise<boolean>;
}

/**
 * Saves the draft (graph and name) a moment after each change, with the revision it was based
 * on: a 409 means someone else changed the journey, and saving stops until a reload.
 */
export function useAutosave({ journeyId, store, name, revision, loadToken, enabled, onSaved }: AutosaveOptions): Autosave {
  const [state, setState] = useState<SaveState>({ status: 'saved' });
  const revisionRef = useRef(revision);
  const savedVersionRef = useRef(store.getState().editVersion);
  const savedNameRef = useRef(name);
  const nameRef = useRef(name);
  const timerRef = useRef<number | undefined>(undefined);
  const inFlightRef = useRef<Promise<boolean> | undefined>(undefined);
  const blockedRef = useRef(false);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;
  nameRef.current = name;

  // A (re)loaded draft is the saved state.
  const revisionAtLoad = useRef(revision);
  revisionAtLoad.current = revision;
  useEffect(() => {
    window.clearTimeout(timerRef.current);
    revisionRef.current = revisionAtLoad.current;
    savedVersionRef.current = store.getState().editVersion;
    savedNameRef.current = nameRef.current;
    blockedRef.current = false;
    setState({ status: 'saved' });
  }, [loadToken, journeyId, store]);

  const isDirty = useCallback(
    () => store.getState().editVersion !== savedVersionRef.current || nameRef.current !== savedNameRef.current,
    [store],
  );

  const save = useCallback(async (): Promise<boolean> => {
    if (inFlightRef.current !== undefined) {
      await inFlightRef.current;
      return isDirty() ? save() : !blockedRef.current;
    }
    if (blockedRef.current) return false;
    if (!isDirty()) return true;
    const { graph, editVersion } = store.getState();
    const sentName = nameRef.current;
    setState({ status: 'saving' });
    const request = (async (): Promise<boolean> => {
      try {
        // A blank or too long name is not sent (the name field says why); the graph still saves.
        const saved = await journeysApi.update(journeyId, { graph, name: journeyNameProblem(sentName) === undefined ? sentName : undefined, revision: revisionRef.current });
        revisionRef.current = saved.revision;
        savedVersionRef.current = editVersion;
        savedNameRef.current = sentName;
        onSavedRef.current?.(saved);
        setState(isDirty() ? { status: 'pending' } : { status: 'saved', at: new Date() });
        return true;
      } catch (error) {
        if (error instanceof ApiError && error.isConflict) {
          blockedRef.current = true;
          setState({ status: 'conflict' });
        } else {
          setState({ status: 'error', message: describeError(error) });
        }
        return false;
      } finally {
        inFlightRef.current = undefined;
      }
    })();
    inFlightRef.current = request;
    const ok = await request;
    if (ok && isDirty()) return save();
    return ok;
  }, [journeyId, store, isDirty]);

  const schedule = useCallback(() => {
    if (!enabled || blockedRef.current) return;
    window.clearTimeout(timerRef.current);
    setState((current) => (current.status === 'saving' ? current : { status: 'pending' }));
    timerRef.current = window.setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
  }, [enabled, save]);

  useEffect(
    () =>
      store.subscribe((next, previous) => {
        if (next.editVersion !== previous.editVersion && !next.dragging) schedule();
        else if (previous.dragging && !next.dragging && isDirty()) schedule();
      }),
    [store, schedule, isDirty],
  );

  useEffect(() => {
    if (name !== savedNameRef.current) schedule();
  }, [name, schedule]);

  useEffect(() => () => window.clearTimeout(timerRef.current), []);

  useEffect(() => {
    if (!enabled) return undefined;
    const warn = (event: BeforeUnloadEvent): void => {
      if (isDirty() && !blockedRef.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [enabled, isDirty]);

  const flush = useCallback(async (): Promise<boolean> => {
    window.clearTimeout(timerRef.current);
    return save();
  }, [save]);

  const keepMine = useCallback(async (): Promise<boolean> => {
    try {
      const latest = await journeysApi.get(journeyId);
      revisionRef.current = latest.revision;
    } catch (error) {
      setState({ status: 'error', message: describeError(error) });
      return false;
    }
    blockedRef.current = false;
    // Saved even when nothing changed since the last save here: the other save is what is replaced.
    savedVersionRef.current = -1;
    window.clearTimeout(timerRef.current);
    return save();
  }, [journeyId, save]);

  return { state, flush, keepMine };
}
