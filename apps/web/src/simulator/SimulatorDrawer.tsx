import {
  compileForSimulation,
  describeInstant,
  type JourneyMachine,
  type Simulation,
  type SimulationChoice,
  type SimulationLogEntry,
  simulate,
  simulationChoices,
  startSimulation,
  USER_CHANNELS,
  type UserChannel,
} from '@engine/journey';
import { useEffect, useMemo, useState } from 'react';
import { useEditor } from '../editor-store/editor-store-context';
import { CheckboxField } from '../forms/CheckboxField';
import { TextField } from '../forms/TextField';
import { TimeZoneField } from '../forms/TimeZoneField';
import { stepTitle } from '../node-catalogue/step-name';
import { Drawer } from '../ui/Drawer';
import { DEFAULT_SIMULATED_USER, type SimulatedUserForm, simulatedUserFacts, toDateTimeLocal } from './simulated-user';

interface SimulatorDrawerProps {
  open: boolean;
  onClose: () => void;
  /** The nodes the simulated user went through, in order, and where they are now (highlighted on the canvas). */
  onPath: (path: readonly string[], here: string | undefined) => void;
  onFocusNode: (nodeId: string) => void;
}

const CHANNEL_LABELS: Record<UserChannel, string> = { push: 'Push', email: 'Email', whatsapp: 'WhatsApp', sms: 'SMS' };

type Compiled = { status: 'ready'; journey: JourneyMachine } | { status: 'invalid'; message: string };

/**
 * Steps an imagined user through the journey on the canvas in virtual time, with the same pure
 * stepper the engine runs: waits and "opened?" windows skip forward when chosen, the person
 * simulating decides what the user does, and every message is shown as it would be sent (or why
 * it would not be). Nothing is stored or sent: live statistics never see a simulated user.
 */
export function SimulatorDrawer({ open, onClose, onPath, onFocusNode }: SimulatorDrawerProps) {
  const graph = useEditor((state) => state.graph);
  const [form, setForm] = useState<SimulatedUserForm>(DEFAULT_SIMULATED_USER);
  const [startAt, setStartAt] = useState(() => toDateTimeLocal(Date.now()));
  const [simulation, setSimulation] = useState<Simulation>();
  const [formError, setFormError] = useState<string>();

  const compiled = useMemo((): Compiled => {
    try {
      return { status: 'ready', journey: compileForSimulation(graph) };
    } catch (error) {
      return { status: 'invalid', message: error instanceof Error ? error.message : String(error) };
    }
  }, [graph]);
  // An edited journey is another journey: start again.
  useEffect(() => setSimulation(undefined), [compiled]);

  const here = simulation?.status === 'active' ? simulation.snapshot?.value : undefined;
  useEffect(() => onPath(open && simulation !== undefined ? simulation.path : [], open ? here : undefined), [open, simulation, here, onPath]);

  const start = (): void => {
    const facts = simulatedUserFacts(form);
    if ('error' in facts) {
      setFormError(facts.error);
      return;
    }
    const at = new Date(startAt).getTime();
    if (Number.isNaN(at)) {
      setFormError('Choose when the simulation starts.');
      return;
    }
    setFormError(undefined);
    setSimulation(startSimulation({ graph, user: facts.user, startAt: at, displayTimeZone: form.timeZone }));
  };

  const choices = compiled.status === 'ready' && simulation !== undefined ? simulationChoices(compiled.journey, simulation) : [];
  const choose = (choice: SimulationChoice): void => {
    if (compiled.status === 'ready' && simulation !== undefined) setSimulation(simulate(compiled.journey, simulation, choice));
  };
  const nodeName = (nodeId: string): string => {
    const node = graph.nodes.find((candidate) => candidate.id === nodeId);
    return node === undefined ? nodeId : stepTitle(node);
  };

  return (
    <Drawer title="Simulate" open={open} onClose={onClose}>
      <p className="muted simulator__intro">An imagined user goes through this journey in virtual time. Nothing is sent or stored.</p>
      {compiled.status === 'invalid' ? (
        <p className="error-text" role="alert">
          Fix the journey's problems to simulate it: {compiled.message}
        </p>
      ) : (
        <form
          className="test-run__section"
          onSubmit={(event) => {
            event.preventDefault();
            start();
          }}
        >
          <h3>1. The user</h3>
          <div className="form-row">
            <TextField label="First name" value={form.firstName} onChange={(firstName) => setForm({ ...form, firstName })} />
            <TimeZoneField label="Time zone" value={form.timeZone} onChange={(timeZone) => setForm({ ...form, timeZone })} />
          </div>
          <TextField label="Other tags (JSON)" value={form.tagsJson} onChange={(tagsJson) => setForm({ ...form, tagsJson })} monospace placeholder='{"plan": "pro"}' />
          <fieldset className="simulator__channels">
            <legend>Can be reached by</legend>
            {USER_CHANNELS.map((channel) => (
              <CheckboxField
                key={channel}
                label={CHANNEL_LABELS[channel]}
                checked={form.reachable[channel]}
                onChange={(checked) => setForm({ ...form, reachable: { ...form.reachable, [channel]: checked } })}
              />
            ))}
          </fieldset>
          <TextField label="Starts at" type="datetime-local" value={startAt} onChange={setStartAt} />
          <button type="submit" className="button button--primary">
            {simulation === undefined ? 'Start simulation' : 'Start over'}
          </button>
          {formError !== undefined && <p className="error-text">{formError}</p>}
        </form>
      )}

      {simulation !== undefined && (
        <section className="test-run__section" aria-live="polite" aria-label="Simulation">
          <h3>2. What happens next</h3>
          <p className="muted">Now: {describeInstant(simulation.now, simulation.displayTimeZone)}</p>
          {simulation.held !== undefined && <p className="simulator__held">Waiting to send: {simulation.held.reason}.</p>}
          {choices.length === 0 ? (
            <p>{simulation.status === 'done' ? 'The user left the journey.' : 'The journey waits for nothing the simulator can do.'}</p>
          ) : (
            <ul className="simulator__choices">
              {choices.map((choice) => (
                <li key={`${choice.kind}:${choice.label}`}>
                  <button type="button" className="button" onClick={() => choose(choice)}>
                    {choice.label}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <h3>3. What happened</h3>
          <ol className="simulator__log">
            {simulation.log.map((entry, index) => (
              <SimulationLogLine key={index} entry={entry} timeZone={simulation.displayTimeZone} nodeName={nodeName} onFocusNode={onFocusNode} />
            ))}
          </ol>
        </section>
      )}
    </Drawer>
  );
}

function SimulationLogLine({
  entry,
  timeZone,
  nodeName,
  onFocusNode,
}: {
  entry: SimulationLogEntry;
  timeZone: string;
  nodeName: (nodeId: string) => string;
  onFocusNode: (nodeId: string) => void;
}) {
  const nodeId = 'nodeId' in entry ? entry.nodeId : undefined;
  return (
    <li className={`simulator__entry simulator__entry--${entry.kind}`}>
      <span className="simulator__time">{describeInstant(entry.at, timeZone)}</span>{' '}
      {nodeId !== undefined && (
        <>
          <button type="button" className="link-button" onClick={() => onFocusNode(nodeId)}>
            {nodeName(nodeId)}
          </button>
          {entry.kind === 'visited' ? ' reached' : ': '}
        </>
      )}
      {entry.kind === 'visited' ? '' : entry.text}
      {entry.kind === 'sent' && (
        <details className="simulator__message">
          <summary>The message</summary>
          <dl>
            {Object.entries(entry.message.fields).map(([name, value]) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </li>
  );
}
