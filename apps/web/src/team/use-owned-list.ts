import { useCallback, useEffect, useState } from 'react';
import { describeError } from '../api/api-error';

export interface OwnedList<T> {
  /** Undefined until loaded. */
  items: T[] | undefined;
  /** The last failure, in words. */
  error: string | undefined;
  /** Runs a change (create, revoke, invite...), then loads the list again; a failure becomes `error`. */
  run: (action: () => Promise<unknown>) => Promise<void>;
}

/** A list an owner manages on its own page (members, API keys): loaded once, reloaded after each change. */
export function useOwnedList<T>(load: () => Promise<T[]>): OwnedList<T> {
  const [items, setItems] = useState<T[]>();
  const [error, setError] = useState<string>();
  const refresh = useCallback(async (): Promise<void> => {
    try {
      setItems(await load());
    } catch (caught) {
      setError(describeError(caught));
    }
  }, [load]);
  useEffect(() => void refresh(), [refresh]);

  const run = async (action: () => Promise<unknown>): Promise<void> => {
    setError(undefined);
    try {
      await action();
      await refresh();
    } catch (caught) {
      setError(describeError(caught));
    }
  };
  return { items, error, run };
}
