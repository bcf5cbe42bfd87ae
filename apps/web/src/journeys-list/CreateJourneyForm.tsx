import { useState } from 'react';
import { journeyNameProblem } from '@engine/journey';
import { describeError } from '../api/api-error';
import { journeysApi } from '../api/journeys-api';
import { routePaths } from '../routing/app-route';
import { navigate } from '../routing/navigation';
import { JOURNEY_STARTERS, type JourneyStarter } from './journey-starters';

/** Name a journey, pick what it starts from, and open it on the canvas. */
export function CreateJourneyForm() {
  const [name, setName] = useState('');
  const [starter, setStarter] = useState<JourneyStarter['id']>('blank');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const create = async (): Promise<void> => {
    const chosen = JOURNEY_STARTERS.find((candidate) => candidate.id === starter) ?? JOURNEY_STARTERS[0];
    // An empty name takes the starter's; a long one is said to be long, never cut.
    const problem = name.trim() === '' ? undefined : journeyNameProblem(name);
    if (problem !== undefined) {
      setError(problem);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const created = await journeysApi.create(name.trim() || chosen.title, await chosen.graph());
      navigate(routePaths.journey(created.id));
    } catch (failure) {
      setError(describeError(failure));
      setBusy(false);
    }
  };

  return (
    <form
      className="create-journey"
      aria-labelledby="create-journey-title"
      onSubmit={(event) => {
        event.preventDefault();
        void create();
      }}
    >
      <h2 id="create-journey-title" className="create-journey__title">
        New journey
      </h2>
      <div className="create-journey__row">
        <label className="visually-hidden" htmlFor="new-journey-name">
          Name
        </label>
        <input id="new-journey-name" className="input" placeholder="Name, e.g. Promo follow-up" value={name} onChange={(event) => setName(event.target.value)} />
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create'}
        </button>
      </div>
      <fieldset className="starter-picker">
        <legend className="visually-hidden">Start from</legend>
        {JOURNEY_STARTERS.map((candidate) => (
          <label key={candidate.id} className={starter === candidate.id ? 'starter-picker__option starter-picker__option--chosen' : 'starter-picker__option'}>
            <input type="radio" name="starter" value={candidate.id} checked={starter === candidate.id} onChange={() => setStarter(candidate.id)} />
            <span className="starter-picker__title">{candidate.title}</span>
            <span className="starter-picker__description">{candidate.description}</span>
          </label>
        ))}
      </fieldset>
      {error !== undefined && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
