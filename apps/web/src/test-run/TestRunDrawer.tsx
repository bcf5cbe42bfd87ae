import { useEffect, useMemo, useRef, useState } from 'react';
import { describeError } from '../api/api-error';
import { eventsApi } from '../api/events-api';
import { type UserFields } from '../api/user-types';
import { usersApi } from '../api/users-api';
import { useEditor } from '../editor-store/editor-store-context';
import { useReceivedEventNames } from '../event-names/project-event-names-context';
import { EventNameField } from '../forms/EventNameField';
import { TextField } from '../forms/TextField';
import { Drawer } from '../ui/Drawer';
import { openEventFor, sampleEntryEvent } from '@engine/journey';
import { useTestUser } from './use-test-user';

const TEST_USER_KEY = 'journey-engine.test-user';

interface TestRunDrawerProps {
  journeyId: string;
  open: boolean;
  onClose: () => void;
  /** Where the test user is in this journey now (highlighted on the canvas). */
  onUserAt: (nodeId: string | undefined) => void;
  onFocusNode: (nodeId: string) => void;
}

type ActionState = { status: 'idle' } | { status: 'busy' } | { status: 'done'; text: string } | { status: 'failed'; text: string };

function storedTestUser(): string {
  try {
    return window.localStorage.getItem(TEST_USER_KEY) ?? 'test-user-1';
  } catch {
    return 'test-user-1';
  }
}

function parseAttributes(text: string): Record<string, unknown> | string {
  if (text.trim() === '') return {};
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'Attributes must be a JSON object, e.g. {"text": "promo"}.';
    return parsed as Record<string, unknown>;
  } catch (error) {
    return `Attributes are not valid JSON: ${describeError(error)}`;
  }
}

const time = (iso: string): string => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const ENGAGED = new Set(['opened', 'read', 'clicked']);

/**
 * Runs the journey for one test user: create or update the user, send an event, then follow
 * where the user is (highlighted on the canvas) and which messages went out.
 */
export function TestRunDrawer({ journeyId, open, onClose, onUserAt, onFocusNode }: TestRunDrawerProps) {
  const graph = useEditor((state) => state.graph);
  const { refresh: refreshEventNames } = useReceivedEventNames();
  const sample = useMemo(() => sampleEntryEvent(graph), [graph]);
  const [userId, setUserId] = useState(storedTestUser);
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [pushToken, setPushToken] = useState('');
  const [firstName, setFirstName] = useState('');
  const [eventName, setEventName] = useState(sample.name);
  const [attributes, setAttributes] = useState(JSON.stringify(sample.attributes));
  const [userAction, setUserAction] = useState<ActionState>({ status: 'idle' });
  const [eventAction, setEventAction] = useState<ActionState>({ status: 'idle' });
  const [refreshKey, setRefreshKey] = useState(0);
  const user = useTestUser(userId, open, refreshKey);
  const followRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (eventName === '' && sample.name !== '') {
      setEventName(sample.name);
      setAttributes(JSON.stringify(sample.attributes));
    }
  }, [sample, eventName]);

  const instance = user.status === 'found' ? user.profile.journeys.find((candidate) => candidate.journeyId === journeyId) : undefined;
  const messages = user.status === 'found' ? user.profile.messages.filter((message) => message.journeyId === journeyId) : [];
  const currentNodeId = instance?.status === 'active' ? instance.currentNodeId : undefined;
  useEffect(() => onUserAt(open ? currentNodeId : undefined), [currentNodeId, open, onUserAt]);

  const nodeName = (nodeId: string | null): string => {
    const node = graph.nodes.find((candidate) => candidate.id === nodeId);
    return node?.label?.trim() || nodeId || '—';
  };

  const saveUser = async (): Promise<void> => {
    setUserAction({ status: 'busy' });
    const fields: UserFields = {};
    if (email.trim() !== '') fields.email = email.trim();
    if (phone.trim() !== '') fields.phone = phone.trim();
    if (pushToken.trim() !== '') fields.pushTokens = [{ token: pushToken.trim(), platform: 'android' }];
    if (firstName.trim() !== '') fields.tags = { first_name: firstName.trim() };
    try {
      await usersApi.upsert(userId.trim(), fields);
      try {
        window.localStorage.setItem(TEST_USER_KEY, userId.trim());
      } catch {
        // Not remembering the test user is fine.
      }
      setUserAction({ status: 'done', text: 'User saved.' });
      setRefreshKey((key) => key + 1);
    } catch (error) {
      setUserAction({ status: 'failed', text: describeError(error) });
    }
  };

  const track = async (name: string, eventAttributes: Record<string, unknown>, setState: (state: ActionState) => void): Promise<void> => {
    setState({ status: 'busy' });
    try {
      const result = await eventsApi.track({ userId: userId.trim(), name, attributes: eventAttributes });
      if (result.rejected.length > 0) setState({ status: 'failed', text: result.rejected.flatMap((rejected) => rejected.errors).join('; ') });
      else setState({ status: 'done', text: `${name} sent${result.duplicates > 0 ? ' (duplicate ignored)' : ''}. Following the user…` });
      setRefreshKey((key) => key + 1);
      // A first event of a new name makes it known: its suggestion appears, its warning goes.
      if (result.accepted > 0) refreshEventNames();
      followRef.current?.scrollIntoView?.({ behavior: 'smooth', block: 'nearest' });
    } catch (error) {
      setState({ status: 'failed', text: describeError(error) });
    }
  };

  const sendEvent = (): void => {
    const parsed = parseAttributes(attributes);
    if (typeof parsed === 'string') {
      setEventAction({ status: 'failed', text: parsed });
      return;
    }
    void track(eventName.trim(), parsed, setEventAction);
  };

  return (
    <Drawer title="Test run" open={open} onClose={onClose}>
      <form
        className="test-run__section"
        onSubmit={(event) => {
          event.preventDefault();
          void saveUser();
        }}
      >
        <h3>1. Test user</h3>
        <TextField label="User id" value={userId} onChange={setUserId} monospace hint="Sending an event creates the user if needed." />
        <details className="test-run__details">
          <summary>Contact details and tags</summary>
          <div className="form-row">
            <TextField label="Email" type="email" value={email} onChange={setEmail} placeholder="ana@example.com" />
            <TextField label="Phone (E.164)" type="tel" value={phone} onChange={setPhone} placeholder="+4915112345678" />
          </div>
          <div className="form-row">
            <TextField label="Push token" value={pushToken} onChange={setPushToken} placeholder="any text in the sandbox" monospace />
            <TextField label="First name tag" value={firstName} onChange={setFirstName} placeholder="Ana" />
          </div>
          <button type="submit" className="button" disabled={userId.trim() === '' || userAction.status === 'busy'}>
            Save user
          </button>
          <ActionFeedback state={userAction} />
        </details>
      </form>

      <form
        className="test-run__section"
        onSubmit={(event) => {
          event.preventDefault();
          sendEvent();
        }}
      >
        <h3>2. Send an event</h3>
        <EventNameField value={eventName} onChange={setEventName} />
        <TextField label="Attributes (JSON)" value={attributes} onChange={setAttributes} multiline rows={3} monospace placeholder='{"text": "promo"}' />
        <button type="submit" className="button button--primary" disabled={userId.trim() === '' || eventName.trim() === '' || eventAction.status === 'busy'}>
          Send event
        </button>
        <ActionFeedback state={eventAction} />
      </form>

      <section className="test-run__section" aria-live="polite" ref={followRef}>
        <h3>3. Where the user is</h3>
        {user.status === 'idle' && <p className="muted">Enter a user id.</p>}
        {user.status === 'missing' && <p className="muted">No user “{userId}” yet: save the user or send an event.</p>}
        {user.status === 'error' && <p className="error-text">{user.message}</p>}
        {user.status === 'found' && instance === undefined && <p className="muted">Not in this journey (yet). Is the journey live, and does the event match the entry?</p>}
        {instance !== undefined && (
          <div className="test-run__instance">
            <span className={`instance-status instance-status--${instance.status}`}>{instance.status}</span>{' '}
            {instance.status === 'active' ? (
              <>
                at{' '}
                <button type="button" className="link-button" onClick={() => onFocusNode(instance.currentNodeId)}>
                  {nodeName(instance.currentNodeId)}
                </button>
              </>
            ) : (
              <>last at {nodeName(instance.currentNodeId)}</>
            )}{' '}
            <span className="muted">· v{instance.version} · entered {time(instance.enteredAt)}</span>
          </div>
        )}
        {messages.length > 0 && (
          <table className="test-run__messages">
            <caption>Messages of this journey</caption>
            <thead>
              <tr>
                <th scope="col">Step</th>
                <th scope="col">Channel</th>
                <th scope="col">Status</th>
                <th scope="col">Time</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {messages.map((message) => {
                const openEvent = openEventFor(message.channel);
                return (
                  <tr key={message.id}>
                    <td>{nodeName(message.nodeId)}</td>
                    <td>{message.channel}</td>
                    <td>
                      <span className={`message-status message-status--${message.status}`}>{message.status}</span>
                    </td>
                    <td>{time(message.createdAt)}</td>
                    <td>
                      {openEvent !== undefined && !ENGAGED.has(message.status) && (
                        <button type="button" className="link-button" title={`Send ${openEvent} for this message`} onClick={() => void track(openEvent, { messageId: message.id }, setEventAction)}>
                          Simulate open
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </Drawer>
  );
}

function ActionFeedback({ state }: { state: ActionState }) {
  if (state.status === 'done') return <p className="success-text">{state.text}</p>;
  if (state.status === 'failed') return <p className="error-text">{state.text}</p>;
  return null;
}
