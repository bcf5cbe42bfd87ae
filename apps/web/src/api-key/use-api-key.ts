import { useSyncExternalStore } from 'react';
import { readApiKey, subscribeToApiKey } from './api-key-storage';

/** The stored API key; components re-render when it changes. */
export function useApiKey(): string {
  return useSyncExternalStore(subscribeToApiKey, readApiKey, () => '');
}
