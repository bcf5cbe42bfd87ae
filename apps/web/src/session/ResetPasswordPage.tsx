import { type FormEvent, useState } from 'react';
import { describeError } from '../api/api-error';
import { routePaths } from '../routing/app-route';
import { navigate } from '../routing/navigation';
import { sessionApi } from './session-api';
import { markSignedOut } from './session-store';
import { takeTokenFromUrl } from './token-from-url';

/** Opened from a reset link: choose a new password, then sign in with it. */
export function ResetPasswordPage() {
  const [token] = useState(takeTokenFromUrl);
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (password !== confirmation) return setError('The two passwords differ.');
    setBusy(true);
    setError(undefined);
    try {
      await sessionApi.completePasswordReset(token, password);
      markSignedOut();
      navigate(routePaths.journeys());
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="auth-page">
      <form className="auth-card" onSubmit={(event) => void submit(event)} aria-labelledby="reset-title">
        <h1 id="reset-title">Choose a new password</h1>
        {token === '' && (
          <p className="error-text" role="alert">
            This page needs the link from the server&apos;s log.
          </p>
        )}
        <label className="auth-card__field">
          <span>New password (10 characters or more)</span>
          <input className="input" type="password" autoComplete="new-password" minLength={10} required value={password} onChange={(event) => setPassword(event.target.value)} />
        </label>
        <label className="auth-card__field">
          <span>Repeat it</span>
          <input className="input" type="password" autoComplete="new-password" required value={confirmation} onChange={(event) => setConfirmation(event.target.value)} />
        </label>
        {error !== undefined && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={busy || token === ''}>
          Set the password
        </button>
      </form>
    </main>
  );
}
