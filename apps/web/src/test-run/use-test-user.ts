import { useEffect, useState } from 'react';
import { ApiError, describeError } from '../api/api-error';
import { type UserProfile } from '../api/user-types';
import { usersApi } from '../api/users-api';

export const TEST_USER_REFRESH_MS = 1500;

export type TestUserState =
  | { status: 'idle' }
  | { status: 'missing' }
  | { status: 'found'; profile: UserProfile }
  | { status: 'error'; message: string };

/** Polls GET /users/:userId while the test run drawer is open, to follow the user through the journey. */
export function useTestUser(userId: string, active: boolean, refreshKey: number): TestUserState {
  const [state, setState] = useState<TestUserState>({ status: 'idle' });
  useEffect(() => {
    if (!active || userId.trim() === '') {
      setState({ status: 'idle' });
      return undefined;
    }
    let stopped = false;
    let timer: number | undefined;
    const poll = async (): Promise<void> => {
      try {
        const profile = await usersApi.get(userId.trim());
        if (!stopped) setState({ status: 'found', profile });
      } catch (error) {
        if (stopped) return;
        setState(error instanceof ApiError && error.isNotFound ? { status: 'missing' } : { status: 'error', message: describeError(error) });
      }
      if (!stopped) timer = window.setTimeout(() => void poll(), TEST_USER_REFRESH_MS);
    };
    void poll();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [userId, active, refreshKey]);
  return state;
}
