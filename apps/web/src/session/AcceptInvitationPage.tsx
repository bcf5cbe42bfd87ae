import { type FormEvent, useState } from 'react';
import { describeError } from '../api/api-error';
import { routePaths } from '../routing/app-route';
import { navigate } from '../routing/navigation';
import { sessionApi } from './session-api';
import { refreshSession, useSession } from './session-store';
import { takeTokenFromUrl } from './token-from-url';

/** Opened from an invitation link: join as yourself when signed in, else create an account (or use yours). */
export function AcceptInvitationPage() {
  const session = useSession();
  const [token] = useState(takeTokenFromUrl);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const signedIn = session.status === 'signed-in';

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const { projectId } = await sessionApi.acceptInvitation(token, signedIn ? undefined : { email, password });
      if (signedIn) await sessionApi.switchProject(projectId);
      await refreshSession();
      navigate(routePaths.journeys());
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="auth-page">
      <form className="auth-card" onSubmit={(event) => void submit(event)} aria-labelledby="invitation-title">
        <h1 id="invitation-title">Join the project</h1>
        {token === '' && (
          <p className="error-text" role="alert">
            This page needs the invitation link you were sent.
          </p>
        )}
        {signedIn ? (
          <p>You will join as {session.session.account.email}.</p>
        ) : (
          <>
            <p className="muted">New here? Choose your email and a password. Already have an account? Use its email and password.</p>
            <label className="auth-card__field">
              <span>Email</span>
              <input className="input" type="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.target.value)} />
            </label>
            <label className="auth-card__field">
              <span>Password (10 characters or more)</span>
              <input className="input" type="password" autoComplete="new-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
            </label>
          </>
        )}
        {error !== undefined && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={busy || token === ''}>
          Join
        </button>
      </form>
    </main>
  );
}
