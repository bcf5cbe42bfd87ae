import { useCallback, useEffect, useState } from 'react';
import { ApiError, describeError } from '../api/api-error';
import { type StoryEvent, type StoryJourney, type StorySend, type UserStory } from '../api/user-types';
import { usersApi } from '../api/users-api';
import { routePaths } from '../routing/app-route';
import { Link } from '../routing/Link';
import { describeStep, nodeName } from './describe-step';
import { TagsEditor } from './TagsEditor';

type StoryState = { status: 'loading' } | { status: 'loaded'; story: UserStory } | { status: 'error'; message: string; notFound: boolean };

const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
const format = (iso: string): string => when.format(new Date(iso));
const CHANNEL_NAMES: Record<string, string> = { push: 'Push', email: 'Email', whatsapp: 'WhatsApp', sms: 'SMS', webhook: 'Webhook' };

/** One user's story: profile, tags, consent, events, and every journey step and message with why it was not sent. */
export function UserPage({ userId }: { userId: string }) {
  const [state, setState] = useState<StoryState>({ status: 'loading' });
  const [olderEvents, setOlderEvents] = useState<{ events: StoryEvent[]; cursor: string | null }>({ events: [], cursor: null });

  const load = useCallback(async (): Promise<void> => {
    try {
      const story = await usersApi.story(userId);
      setState({ status: 'loaded', story });
      setOlderEvents({ events: [], cursor: story.eventsNextCursor });
    } catch (error) {
      setState({ status: 'error', message: describeError(error), notFound: error instanceof ApiError && error.status === 404 });
    }
  }, [userId]);

  useEffect(() => void load(), [load]);

  const loadOlder = async (): Promise<void> => {
    if (olderEvents.cursor === null) return;
    const page = await usersApi.story(userId, olderEvents.cursor);
    setOlderEvents({ events: [...olderEvents.events, ...page.events], cursor: page.eventsNextCursor });
  };

  if (state.status === 'loading') {
    return (
      <main className="user-page" aria-busy="true">
        <p className="muted">Loading…</p>
      </main>
    );
  }
  if (state.status === 'error') {
    return (
      <main className="user-page">
        <div className="empty-state" role="alert">
          <h1>{state.notFound ? 'No such user' : 'The user could not be loaded'}</h1>
          <p>{state.message}</p>
          <Link href={routePaths.users()}>Back to the users</Link>
        </div>
      </main>
    );
  }
  const { story } = state;
  const { user } = story;
  const events = [...story.events, ...olderEvents.events];
  return (
    <main className="user-page">
      <p>
        <Link href={routePaths.users()}>← Users</Link>
      </p>
      <h1>{user.userId}</h1>
      <div className="user-page__grid">
        <section aria-labelledby="profile-heading" className="user-card">
          <h2 id="profile-heading">Profile</h2>
          <dl className="user-card__facts">
            <dt>Email</dt>
            <dd>{user.email ?? '—'}</dd>
            <dt>Phone</dt>
            <dd>{user.phone ?? '—'}</dd>
            <dt>Time zone</dt>
            <dd>{user.timeZone ?? '—'}</dd>
            <dt>Language</dt>
            <dd>{user.language ?? '—'}</dd>
            <dt>First seen</dt>
            <dd>{format(user.createdAt)}</dd>
            <dt>Last seen</dt>
            <dd>{format(user.updatedAt)}</dd>
          </dl>
        </section>
        <section aria-labelledby="consent-heading" className="user-card">
          <h2 id="consent-heading">Channels and consent</h2>
          <ul className="user-card__list">
            {story.reachability.map((channel) => (
              <li key={channel.channel}>
                <strong>{CHANNEL_NAMES[channel.channel]}</strong>: {channel.reachable ? 'reachable' : `not reachable — ${channel.reason ?? ''}`}
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="tags-heading" className="user-card">
          <h2 id="tags-heading">Tags</h2>
          <TagsEditor userId={user.userId} tags={user.tags} onSaved={() => void load()} />
        </section>
      </div>

      <section aria-labelledby="journeys-heading">
        <h2 id="journeys-heading">Journeys</h2>
        {story.journeys.length === 0 && <p className="muted">Not in any journey yet.</p>}
        {story.journeys.map((journey) => (
          <JourneyStory key={journey.instanceId} journey={journey} />
        ))}
      </section>

      {story.messages.length > 0 && (
        <section aria-labelledby="messages-heading">
          <h2 id="messages-heading">Messages outside journeys</h2>
          <ul className="story-sends">
            {story.messages.map((send, index) => (
              <SendItem key={send.messageId ?? index} send={send} nodeLabel="" />
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="events-heading">
        <h2 id="events-heading">Events</h2>
        {events.length === 0 && <p className="muted">No events yet.</p>}
        <ol className="story-events">
          {events.map((event) => (
            <li key={event.id}>
              <time dateTime={event.occurredAt}>{format(event.occurredAt)}</time> <strong>{event.name}</strong>
              {Object.keys(event.attributes).length > 0 && <code className="story-events__attributes">{JSON.stringify(event.attributes)}</code>}
            </li>
          ))}
        </ol>
        {olderEvents.cursor !== null && (
          <button type="button" className="button button--small" onClick={() => void loadOlder()}>
            Older events
          </button>
        )}
      </section>
    </main>
  );
}

function JourneyStory({ journey }: { journey: StoryJourney }) {
  return (
    <article className="story-journey" aria-label={`${journey.journeyName} v${journey.version}`}>
      <header className="story-journey__header">
        <h3>
          <Link href={routePaths.journey(journey.journeyId)}>{journey.journeyName}</Link> <span className="muted">v{journey.version}</span>
        </h3>
        <span className={`story-journey__status story-journey__status--${journey.status}`}>{journey.status}</span>
        <span className="muted">
          entered {format(journey.enteredAt)}
          {journey.endedAt !== null && `, ended ${format(journey.endedAt)}`}
        </span>
      </header>
      {journey.stepsDropped > 0 && <p className="muted">{journey.stepsDropped} earlier steps are not shown.</p>}
      <ol className="story-steps">
        {journey.steps.map((step, index) => (
          <li key={index} className={`story-steps__step story-steps__step--${step.kind}`}>
            <time dateTime={step.at}>{format(step.at)}</time>
            <span>{describeStep(step, journey.nodes)}</span>
          </li>
        ))}
      </ol>
      {journey.sends.length > 0 && (
        <>
          <h4>Messages</h4>
          <ul className="story-sends">
            {journey.sends.map((send, index) => (
              <SendItem key={send.messageId ?? `${send.nodeId ?? ''}:${index}`} send={send} nodeLabel={nodeName(journey.nodes, send.nodeId ?? undefined)} />
            ))}
          </ul>
        </>
      )}
    </article>
  );
}

const STATE_WORDS: Record<StorySend['state'], string> = {
  held: 'Held',
  queued: 'Queued',
  sending: 'Sending',
  retrying: 'Retrying',
  unknown: 'Outcome unknown',
  sent: 'Sent',
  suppressed: 'Not sent',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

function SendItem({ send, nodeLabel }: { send: StorySend; nodeLabel: string }) {
  return (
    <li className={`story-sends__send story-sends__send--${send.state}`}>
      <div>
        <strong>{CHANNEL_NAMES[send.channel] ?? send.channel}</strong>
        {nodeLabel !== '' && <span className="muted"> · {nodeLabel}</span>} <span className={`send-state send-state--${send.state}`}>{STATE_WORDS[send.state]}</span>
      </div>
      {send.reason !== undefined && <p className="story-sends__reason">{send.reason}</p>}
      {send.statusHistory.length > 0 && (
        <ol className="story-sends__history" aria-label="Statuses">
          {send.statusHistory.map((change, index) => (
            <li key={index}>
              {change.status} <time dateTime={change.at}>{format(change.at)}</time>
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}
