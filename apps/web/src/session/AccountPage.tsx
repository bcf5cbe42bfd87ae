import { type FormEvent, useState } from 'react';
import { describeError } from '../api/api-error';
import { type SessionInfo, sessionApi } from './session-api';
import { refreshSession } from './session-store';

/** Your password, and (owners) the project's name. */
export function AccountPage({ session }: { session: SessionInfo }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [projectName, setProjectName] = useState(session.project?.name ?? '');
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string }>();

  const run = async (event: FormEvent, action: () => Promise<unknown>, done: string): Promise<void> => {
    event.preventDefault();
    setMessage(undefined);
    try {
      await action();
      await refreshSession();
      setMessage({ kind: 'success', text: done });
    } catch (caught) {
      setMessage({ kind: 'error', text: describeError(caught) });
    }
  };

  return (
    <main className="team-page">
      <h1>Account</h1>
      <p>
        Signed in as <strong>{session.account.email}</strong>.
      </p>
      <form
        className="team-page__form team-page__form--stacked"
        aria-labelledby="password-title"
        onSubmit={(event) =>
          void run(event, async () => {
            await sessionApi.changePassword(session.account.hasPassword ? current : undefined, next);
            setCurrent('');
            setNext('');
          }, 'Password changed; your other sessions were signed out.')
        }
      >
        <h2 id="password-title">{session.account.hasPassword ? 'Change your password' : 'Set a password'}</h2>
        {session.account.hasPassword && (
          <label className="auth-card__field">
            <span>Current password</span>
            <input className="input" type="password" autoComplete="current-password" required value={current} onChange={(event) => setCurrent(event.target.value)} />
          </label>
        )}
        <label className="auth-card__field">
          <span>New password (10 characters or more)</span>
          <input className="input" type="password" autoComplete="new-password" minLength={10} required value={next} onChange={(event) => setNext(event.target.value)} />
        </label>
        <button type="submit" className="button button--primary">
          Save password
        </button>
      </form>
      {session.project?.role === 'owner' && (
        <form className="team-page__form team-page__form--stacked" aria-labelledby="project-title" onSubmit={(event) => void run(event, () => sessionApi.renameProject(projectName), 'Project renamed.')}>
          <h2 id="project-title">This project</h2>
          <label className="auth-card__field">
            <span>Project name</span>
            <input className="input" required maxLength={100} value={projectName} onChange={(event) => setProjectName(event.target.value)} />
          </label>
          <button type="submit" className="button">
            Rename
          </button>
        </form>
      )}
      {message !== undefined && (
        <p className={message.kind === 'error' ? 'error-text' : 'success-text'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </main>
  );
}
