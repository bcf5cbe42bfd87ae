import { useEffect, useState } from 'react';
import { ApiError, describeError } from '../api/api-error';
import { routePaths } from '../routing/app-route';
import { Link } from '../routing/Link';
import { type SentMessage, sandboxMessagesApi } from '../api/sandbox-messages-api';
import { messagePreviewText } from './message-preview-text';

type InboxState = { status: 'loading' } | { status: 'loaded'; messages: SentMessage[] } | { status: 'unavailable' } | { status: 'error'; message: string };

const REFRESH_MS = 3000;

/** What the sandbox providers "sent": test journeys without real push, email or WhatsApp accounts. */
export function InboxPage() {
  const [state, setState] = useState<InboxState>({ status: 'loading' });
  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    const poll = async (): Promise<void> => {
      try {
        const page = await sandboxMessagesApi.list();
        if (!stopped) setState({ status: 'loaded', messages: page.messages });
      } catch (error) {
        if (stopped) return;
        if (error instanceof ApiError && error.isNotFound) {
          setState({ status: 'unavailable' });
          return;
        }
        setState({ status: 'error', message: describeError(error) });
      }
      if (!stopped) timer = window.setTimeout(() => void poll(), REFRESH_MS);
    };
    void poll();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, []);

  return (
    <main className="inbox-page">
      <h1>Sandbox inbox</h1>
      <p className="muted">What journeys sent on channels without a provider configured: recorded, not sent. Newest first; refreshes every 3 seconds.</p>
      {state.status === 'loading' && <p className="muted">Loading…</p>}
      {state.status === 'unavailable' && (
        <div className="empty-state">
          <h2>Not available yet</h2>
          <p>This API does not offer the sandbox inbox yet. Meanwhile, the Test run drawer of a journey lists the messages of a test user.</p>
        </div>
      )}
      {state.status === 'error' && (
        <p className="error-text" role="alert">
          {state.message}
        </p>
      )}
      {state.status === 'loaded' && state.messages.length === 0 && (
        <div className="empty-state">
          <h2>No messages yet</h2>
          <p>Publish a journey and send a test event to see its messages here.</p>
        </div>
      )}
      {state.status === 'loaded' && state.messages.length > 0 && (
        <table className="journeys-table">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Channel</th>
              <th scope="col">To</th>
              <th scope="col">Message</th>
              <th scope="col">Journey</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {state.messages.map((message) => (
              <tr key={message.id}>
                <td className="muted nowrap">{new Date(message.createdAt).toLocaleString()}</td>
                <td>{message.channel}</td>
                <td className="nowrap">{message.userId}</td>
                <td className="inbox-page__content">
                  {messagePreviewText(message)}
                  {message.error !== null && <div className="error-text">{message.error}</div>}
                </td>
                <td>
                  {message.journeyId !== null ? (
                    <Link href={routePaths.journey(message.journeyId)}>{message.journeyName ?? 'Journey'}</Link>
                  ) : (
                    <span className="muted">—</span>
                  )}
                  {message.nodeId !== null && <div className="muted">{message.nodeId}</div>}
                </td>
                <td>
                  <span className={`message-status message-status--${message.status}`}>{message.status}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
