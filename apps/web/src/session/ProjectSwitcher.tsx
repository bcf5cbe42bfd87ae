import { useId, useState } from 'react';
import { describeError } from '../api/api-error';
import { routePaths } from '../routing/app-route';
import { navigate } from '../routing/navigation';
import { type SessionInfo, sessionApi } from './session-api';
import { refreshSession, setSession } from './session-store';

const NEW_PROJECT = '__new__';

/** Which project the session works in; switching (or creating one) shows its journeys. */
export function ProjectSwitcher({ session }: { session: SessionInfo }) {
  const id = useId();
  const [error, setError] = useState<string>();

  const choose = async (value: string): Promise<void> => {
    setError(undefined);
    try {
      if (value === NEW_PROJECT) {
        const name = window.prompt('Name of the new project');
        if (name === null || name.trim() === '') return;
        await sessionApi.createProject(name.trim());
        await refreshSession();
      } else {
        setSession(await sessionApi.switchProject(value));
      }
      navigate(routePaths.journeys());
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  return (
    <div className="project-switcher">
      <label htmlFor={id}>Project</label>
      <select id={id} value={session.project?.id ?? ''} onChange={(event) => void choose(event.target.value)}>
        {session.project === null && <option value="">Choose a project</option>}
        {session.projects.map((project) => (
          <option key={project.id} value={project.id}>
            {project.name} ({project.role})
          </option>
        ))}
        <option value={NEW_PROJECT}>New project…</option>
      </select>
      {error !== undefined && (
        <span className="project-switcher__error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
