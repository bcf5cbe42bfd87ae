import { omnichannelFallbackJourney } from '../examples/omnichannel-fallback';
import { whatsappKeywordJourney } from '../examples/whatsapp-keywords';
import { type JourneyGraph } from '../format/journey-graph';
import { HOUR, T0, graph, node } from '../step/testing/journey-fixture';
import { simulationChoices } from './simulation-choices';
import { compileForSimulation, type Simulation, type SimulationChoice, simulate, startSimulation } from './simulation';

const ann = { id: 'ann', tags: { first_name: 'Ann' }, timeZone: 'UTC' };

/** Takes the choice whose label matches, failing with the labels on offer when none does. */
function choose(journeyGraph: JourneyGraph, simulation: Simulation, label: RegExp): Simulation {
  const journey = compileForSimulation(journeyGraph);
  const choices = simulationChoices(journey, simulation);
  const choice = choices.find((candidate) => label.test(candidate.label));
  if (choice === undefined) throw new Error(`No choice matches ${String(label)}; offered: ${choices.map((candidate) => candidate.label).join(' | ')}`);
  return simulate(journey, simulation, choice);
}

function run(journeyGraph: JourneyGraph, labels: RegExp[], user = ann, startAt = T0): Simulation {
  return labels.reduce((simulation, label) => choose(journeyGraph, simulation, label), startSimulation({ graph: journeyGraph, user, startAt }));
}

const sentLines = (simulation: Simulation) => simulation.log.filter((entry) => entry.kind === 'sent').map((entry) => `${entry.at - T0}: ${entry.text}`);

describe('simulating a journey', () => {
  it('takes the omnichannel journey down the "not opened" path to the WhatsApp template, in virtual time', () => {
    const done = run(omnichannelFallbackJourney, [/^Performs PW_WhatsAppReceived/, /^Does nothing/, /^Does nothing/]);
    expect(done.status).toBe('done');
    expect(done.path).toEqual(['entry', 'push', 'push-opened', 'email', 'email-opened', 'whatsapp', 'exit-whatsapp']);
    expect(sentLines(done)).toEqual([
      '0: Sends the push “Your promo is here”',
      `${4 * HOUR}: Sends the email “Ann, your 20% promo”`,
      `${8 * HOUR}: Sends the WhatsApp template promo_offer (en)`,
    ]);
    expect(done.now).toBe(T0 + 8 * HOUR);
    expect(simulationChoices(compileForSimulation(omnichannelFallbackJourney), done)).toEqual([]);
  });

  it('takes the "opened" path when the user opens the push, and renders the message for them', () => {
    const entered = run(omnichannelFallbackJourney, [/^Performs PW_WhatsAppReceived/]);
    const push = entered.log.find((entry) => entry.kind === 'sent');
    expect(push?.kind === 'sent' && push.message.fields.body).toBe('Hi Ann, open the app for 20% off today.');
    const labels = simulationChoices(compileForSimulation(omnichannelFallbackJourney), entered).map((choice) => choice.label);
    expect(labels).toEqual(['Opens "Promo push"', 'Performs Purchase (goal)', 'Does nothing until Mon 6 Jan, 14:00 UTC']);
    const done = choose(omnichannelFallbackJourney, entered, /^Opens "Promo push"/);
    expect(done.path).toEqual(['entry', 'push', 'push-opened', 'exit-push']);
    expect(done.status).toBe('done');
    expect(done.now).toBe(T0);
  });

  it('holds a message during silent hours: the user stays at the step, and the window starts when it goes out', () => {
    const silent: JourneyGraph = {
      ...omnichannelFallbackJourney,
      settings: { ...omnichannelFallbackJourney.settings, silentHours: { channels: ['push'], windows: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], from: '09:00', to: '12:00' }], fallbackTimeZone: 'UTC' } },
    };
    const entered = run(silent, [/^Performs PW_WhatsAppReceived/]);
    expect(entered.held).toMatchObject({ nodeId: 'push', until: T0 + 2 * HOUR, reason: 'Held by silent hours until Mon 6 Jan, 12:00 UTC' });
    expect(entered.snapshot?.value).toBe('push');
    expect(sentLines(entered)).toEqual([]);
    const labels = simulationChoices(compileForSimulation(silent), entered).map((choice) => choice.label);
    expect(labels).toEqual(['Performs Purchase (goal)', 'Wait until silent hours end (Mon 6 Jan, 12:00 UTC)']);
    const released = choose(silent, entered, /^Wait until silent hours end/);
    expect(sentLines(released)).toEqual([`${2 * HOUR}: Sends the push “Your promo is here”`]);
    expect(released.timer?.at).toBe(T0 + 6 * HOUR);
    // A goal reached while the push is held ends the journey and the push is never sent.
    const converted = choose(silent, entered, /^Performs Purchase/);
    expect(converted.status).toBe('done');
    expect(converted.held).toBeUndefined();
    expect(converted.log.filter((entry) => entry.kind === 'not_sent').map((entry) => entry.text)).toEqual([
      'Not sent: The journey ended for this user before the message was sent',
    ]);
    expect(sentLines(converted)).toEqual([]);
  });

  it('does not send to a user who cannot be reached, says why, and moves on as the engine would', () => {
    const noPush = { ...ann, reachable: { push: false } };
    const entered = run(omnichannelFallbackJourney, [/^Performs PW_WhatsAppReceived/], noPush);
    const notSent = entered.log.filter((entry) => entry.kind === 'not_sent').map((entry) => entry.text);
    expect(notSent).toEqual(['Not sent: The user cannot be reached by push (no push token, or opted out)']);
    // A push never sent cannot be opened: the engagement check answers "no" at once and the email goes out.
    expect(sentLines(entered)).toEqual(['0: Sends the email “Ann, your 20% promo”']);
  });

  it('offers the quick replies of a WhatsApp step and a silent "no reply"', () => {
    const journeyGraph = graph(
      [
        node('entry', 'entry.api', {}),
        node('ask', 'send.whatsapp', { mode: 'text', text: 'Pizza or sushi?', quickReplies: [{ id: 'p', text: 'Pizza' }, { id: 's', text: 'Sushi' }], replyWindow: '1h' }),
        node('tag', 'update.tags', { operations: [{ op: 'set', tag: 'cuisine', value: 'asian' }] }),
        node('exit-sushi', 'exit', {}),
        node('exit-other', 'exit', {}),
      ],
      [
        ['entry', 'next', 'ask'],
        ['ask', 'reply:s', 'tag'],
        ['tag', 'next', 'exit-sushi'],
        ['ask', 'reply:p', 'exit-other'],
        ['ask', 'no_reply', 'exit-other'],
      ],
    );
    const asked = run(journeyGraph, [/^Enters through the API/]);
    expect(simulationChoices(compileForSimulation(journeyGraph), asked).map((choice) => choice.label)).toEqual([
      'Replies “Pizza”',
      'Replies “Sushi”',
      'Replies something else to the WhatsApp step',
      'Does not reply until Mon 6 Jan, 11:00 UTC',
    ]);
    const done = choose(journeyGraph, asked, /Sushi/);
    expect(done.path).toEqual(['entry', 'ask', 'tag', 'exit-sushi']);
    expect(done.user.tags).toEqual({ first_name: 'Ann', cuisine: 'asian' });
  });

  it('offers the keyword journey its entry with a text that passes the filter', () => {
    const start = startSimulation({ graph: whatsappKeywordJourney, user: ann, startAt: T0 });
    const choices: SimulationChoice[] = simulationChoices(compileForSimulation(whatsappKeywordJourney), start);
    expect(choices.length).toBeGreaterThan(0);
    expect(choices[0]).toMatchObject({ kind: 'event', name: 'PW_WhatsAppReceived' });
  });

  it('never changes the simulation it was given', () => {
    const entered = run(omnichannelFallbackJourney, [/^Performs PW_WhatsAppReceived/]);
    const before = JSON.stringify(entered);
    choose(omnichannelFallbackJourney, entered, /^Does nothing/);
    expect(JSON.stringify(entered)).toBe(before);
  });
});
