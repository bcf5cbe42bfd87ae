import { type FormEvent, useId, useState } from 'react';
import { type Invitation, type ProjectRole, teamApi } from '../session/session-api';
import { useOwnedList } from './use-owned-list';

const ROLES: ProjectRole[] = ['owner', 'editor', 'viewer'];
const ROLE_HELP: Record<ProjectRole, string> = {
  owner: 'everything, including members, API keys and channels',
  editor: 'journeys, templates and audiences',
  viewer: 'reads only; no secrets',
};

/** The project's members and their roles; invitations by link. Owners only. */
export function MembersPage({ myAccountId }: { myAccountId: string }) {
  const { items: members, error, run } = useOwnedList(teamApi.members);
  const [role, setRole] = useState<ProjectRole>('editor');
  const [invitation, setInvitation] = useState<Invitation>();
  const roleId = useId();

  const invite = (event: FormEvent): void => {
    event.preventDefault();
    void run(async () => setInvitation(await teamApi.invite(role)));
  };

  return (
    <main className="team-page">
      <h1>Members</h1>
      <form className="team-page__form" onSubmit={invite} aria-labelledby="invite-title">
        <h2 id="invite-title">Invite someone</h2>
        <label htmlFor={roleId}>Role</label>
        <select id={roleId} className="input input--compact" value={role} onChange={(event) => setRole(event.target.value as ProjectRole)}>
          {ROLES.map((candidate) => (
            <option key={candidate} value={candidate}>
              {candidate} ({ROLE_HELP[candidate]})
            </option>
          ))}
        </select>
        <button type="submit" className="button button--primary">
          Make an invitation link
        </button>
      </form>
      {invitation !== undefined && (
        <div className="team-page__secret" role="status">
          <p>
            Send this link to the person you invite as <strong>{invitation.role}</strong>. It works once, until {new Date(invitation.expiresAt).toLocaleString()}.
          </p>
          <label className="team-page__secret-field">
            <span className="visually-hidden">Invitation link</span>
            <input className="input input--mono" readOnly value={invitation.link} onFocus={(event) => event.target.select()} />
          </label>
        </div>
      )}
      {error !== undefined && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {members === undefined && error === undefined && <p className="muted">Loading…</p>}
      {members !== undefined && (
        <table className="journeys-table">
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.accountId}>
                <td>
                  {member.email}
                  {member.accountId === myAccountId && <span className="muted"> (you)</span>}
                </td>
                <td>
                  <select
                    className="input input--compact"
                    aria-label={`Role of ${member.email}`}
                    value={member.role}
                    onChange={(event) => void run(() => teamApi.changeRole(member.accountId, event.target.value as ProjectRole))}
                  >
                    {ROLES.map((candidate) => (
                      <option key={candidate} value={candidate}>
                        {candidate}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="journeys-table__actions">
                  <button
                    type="button"
                    className="button button--small button--danger-quiet"
                    aria-label={`Remove ${member.email}`}
                    onClick={() => {
                      if (window.confirm(`Remove ${member.email} from this project?`)) void run(() => teamApi.removeMember(member.accountId));
                    }}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
