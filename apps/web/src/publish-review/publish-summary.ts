import { describeCondition, formatDuration, isSendNodeType, type JourneyGraph, parseDuration, SEND_NODE_CHANNEL } from '@engine/journey';
import { weekdaysLabel } from '../node-catalogue/node-summary';

/** What publishing will start, in lines a marketer checks before confirming. */
export interface PublishSummary {
  /** How users get in: `When PW_WhatsAppReceived arrives where event.text matches "promo"`. */
  entries: string[];
  /** Messages per channel: `Push: 1 step`, `Email: 2 steps`. */
  messages: string[];
  goals: string[];
  /** `Push and WhatsApp held 22:00–08:00 every day (Europe/Berlin when the user has no time zone)`, or none. */
  silentHours: string | undefined;
  /** Re-entry, frequency cap and throttles in words. */
  rules: string[];
}

const CHANNEL_NAMES: Record<string, string> = { push: 'Push', email: 'Email', whatsapp: 'WhatsApp', sms: 'SMS', webhook: 'Webhook calls' };

const durationWords = (text: string): string => {
  const ms = parseDuration(text);
  return ms === undefined ? text : formatDuration(ms);
};

/** The review shown before a journey is published (pure, from the graph alone). */
export function publishSummary(graph: JourneyGraph): PublishSummary {
  const entries = graph.nodes.flatMap((node): string[] => {
    switch (node.type) {
      case 'entry.event':
        return [`When ${node.data.event || '(no event chosen)'} arrives${node.data.where === undefined ? '' : ` where ${describeCondition(node.data.where)}`}`];
      case 'entry.segment':
        return [`Everyone matching ${describeCondition(node.data.segment)}${node.data.repeatEvery === undefined ? ', once at launch' : `, every ${durationWords(node.data.repeatEvery)}`}`];
      case 'entry.api':
        return ['Users your backend enters through the API'];
      default:
        return [];
    }
  });
  const perChannel = new Map<string, number>();
  for (const node of graph.nodes) {
    if (!isSendNodeType(node.type)) continue;
    const channel = SEND_NODE_CHANNEL[node.type];
    perChannel.set(channel, (perChannel.get(channel) ?? 0) + 1);
  }
  const messages = [...perChannel].map(([channel, count]) => `${CHANNEL_NAMES[channel] ?? channel}: ${count} ${count === 1 ? 'step' : 'steps'}`);
  const { settings } = graph;
  const goals = settings.goals.map(
    (goal) =>
      `${goal.name?.trim() || goal.event}: ${goal.event}${goal.where === undefined ? '' : ` where ${describeCondition(goal.where)}`} within ${durationWords(goal.period)} of entry${goal.endsJourney ? ', ends the journey' : ''}`,
  );
  const silent = settings.silentHours;
  const silentHours =
    silent === undefined || silent.channels.length === 0 || silent.windows.length === 0
      ? undefined
      : `${silent.channels.map((channel) => CHANNEL_NAMES[channel] ?? channel).join(', ')} held ${silent.windows
          .map((window) => `${window.from}–${window.to} ${weekdaysLabel(window.weekdays)}`)
          .join('; ')} in the user's time zone (${silent.fallbackTimeZone} when unknown)`;
  const rules: string[] = [];
  switch (settings.reentry.mode) {
    case 'never':
      rules.push('A user enters once, ever');
      break;
    case 'afterExit':
      rules.push('A user enters again once they left');
      break;
    case 'always':
      rules.push('A user can be in the journey several times at once');
      break;
    case 'cooldown':
      rules.push(`A user enters again ${durationWords(settings.reentry.cooldown ?? '')} after their last entry`);
      break;
  }
  if (settings.frequencyCap !== undefined) {
    const cap = settings.frequencyCap;
    rules.push(`At most ${cap.maxMessages} ${cap.channels.map((channel) => CHANNEL_NAMES[channel] ?? channel).join(', ')} messages per user every ${durationWords(cap.period)}, across journeys`);
  }
  for (const throttle of settings.throttling) rules.push(`${CHANNEL_NAMES[throttle.channel] ?? throttle.channel}: at most ${throttle.limit} per ${durationWords(throttle.per)}`);
  return { entries, messages, goals, silentHours, rules };
}
