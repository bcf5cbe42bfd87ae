import { useSyncExternalStore } from 'react';
import { ApiError, describeError } from '../api/api-error';
import { onUnauthorized } from '../api/api-client';
import { type SessionInfo, sessionApi } from './session-api';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; session: SessionInfo }
  | { status: 'error'; message: string };

let state: SessionState = { status: 'loading' };
const listeners = new Set<() => void>();

function set(next: SessionState): void {
  state = next;
  listeners.forEach((listener) => listener());
}

/** Asks the API who is signed in (the session cookie is httpOnly: only the API can tell). */
export async function refreshSession(): Promise<void> {
  try {
    set({ status: 'signed-in', session: await sessionApi.get() });
  } catch (error) {
    set(error instanceof ApiError && error.status === 401 ? { status: 'signed-out' } : { status: 'error', message: describeError(error) });
  }
}

export function setSession(session: SessionInfo): void {
  set({ status: 'signed-in', session });
}

export function markSignedOut(): void {
  set({ status: 'signed-out' });
}

onUnauthorized(() => {
  if (state.status === 'signed-in') markSignedOut();
});

export function useSession(): SessionState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
    () => state,
  );
}
