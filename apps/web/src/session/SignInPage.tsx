import { type FormEvent, useState } from 'react';
import { describeError } from '../api/api-error';
import { sessionApi } from './session-api';
import { refreshSession } from './session-store';

/** Email and password; or ask for a reset link (written to the server's log). */
export function SignInPage() {
  const [mode, setMode] = useState<'sign-in' | 'forgot'>('sign-in');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [sent, setSent] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      if (mode === 'sign-in') {
        await sessionApi.signIn(email, password);
        await refreshSession();
      } else {
        await sessionApi.requestPasswordReset(email);
        setSent(true);
      }
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="auth-page">
      <form className="auth-card" onSubmit={(event) => void submit(event)} aria-labelledby="auth-title">
        <h1 id="auth-title">{mode === 'sign-in' ? 'Sign in' : 'Reset your password'}</h1>
        <label className="auth-card__field">
          <span>Email</span>
          <input className="input" type="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.target.value)} />
        </label>
        {mode === 'sign-in' && (
          <label className="auth-card__field">
            <span>Password</span>
            <input className="input" type="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
          </label>
        )}
        {error !== undefined && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        {sent && (
          <p className="success-text" role="status">
            If an account has this email, a reset link valid for one hour was written to the server&apos;s log.
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={busy}>
          {mode === 'sign-in' ? 'Sign in' : 'Make a reset link'}
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setMode(mode === 'sign-in' ? 'forgot' : 'sign-in');
            setError(undefined);
            setSent(false);
          }}
        >
          {mode === 'sign-in' ? 'Forgot your password?' : 'Back to sign in'}
        </button>
        {mode === 'sign-in' && <p className="muted auth-card__hint">First start? Open the one-time sign-in link the server printed.</p>}
      </form>
    </main>
  );
}
