import {
  describeCondition,
  formatDuration,
  type JourneyGraph,
  type JourneyNode,
  parseDuration,
  type WaitDelayData,
} from '@engine/journey';
import { NODE_TYPE_INFO } from './node-catalogue';

const WEEKDAY_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const METRIC_WORDS = { delivered: 'delivered', opened: 'opened', read: 'read', clicked: 'clicked' } as const;

/** A duration as the canvas shows it: `4h` -> `4 h`; unreadable text as written. */
export function durationLabel(text: string | undefined): string {
  if (text === undefined || text === '') return '…';
  const ms = parseDuration(text);
  return ms === undefined ? text : formatDuration(ms);
}

/** Weekdays as a short range: [1..5] -> `Mon–Fri`, [6, 7] -> `Sat, Sun`. */
export function weekdaysLabel(weekdays: readonly number[] | undefined): string {
  if (weekdays === undefined || weekdays.length === 0 || weekdays.length === 7) return 'every day';
  const sorted = [...new Set(weekdays)].filter((day) => day >= 1 && day <= 7).sort((a, b) => a - b);
  const contiguous = sorted.every((day, index) => index === 0 || day === sorted[index - 1] + 1);
  if (contiguous && sorted.length > 2) return `${WEEKDAY_SHORT[sorted[0] - 1]}–${WEEKDAY_SHORT[sorted[sorted.length - 1] - 1]}`;
  return sorted.map((day) => WEEKDAY_SHORT[day - 1]).join(', ');
}

function waitDelaySummary(data: WaitDelayData): string {
  switch (data.mode) {
    case 'duration':
      return `Wait ${durationLabel(data.duration)}`;
    case 'timeOfDay':
      return `Until ${data.time || '…'} ${weekdaysLabel(data.weekdays)}${data.timeZone ? ` (${data.timeZone})` : ''}`;
    case 'date': {
      const source = data.date ?? (data.fromTag ? `tags.${data.fromTag}` : data.fromEventAttribute ? `event.${data.fromEventAttribute}` : '…');
      const offset = data.offset ? ` ${data.offset.startsWith('-') ? '−' : '+'} ${durationLabel(data.offset.replace(/^[-+]/, ''))}` : '';
      return `Until ${source}${offset}`;
    }
    default:
      return 'Wait';
  }
}

function quoted(text: string | undefined, missing: string): string {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return missing;
  return trimmed.length > 60 ? `“${trimmed.slice(0, 57)}…”` : `“${trimmed}”`;
}

/** The channel word of the send node an engagement check looks at: `Push`, `Email`, `WhatsApp`. */
function sentMessageName(graph: JourneyGraph | undefined, sendNodeId: string): string {
  const node = graph?.nodes.find((candidate) => candidate.id === sendNodeId);
  if (node === undefined) return sendNodeId === '' ? 'Message' : `“${sendNodeId}”`;
  return NODE_TYPE_INFO[node.type].title;
}

/** The key setting of a node, for its card on the canvas: `Wait 4 h`, `Push opened within 4 h?`. */
export function nodeSummary(node: JourneyNode, graph?: JourneyGraph): string {
  switch (node.type) {
    case 'entry.event': {
      const event = node.data.event || 'Choose an event';
      return node.data.where === undefined ? event : `${event} where ${describeCondition(node.data.where)}`;
    }
    case 'entry.segment': {
      const every = node.data.repeatEvery ? ` · every ${durationLabel(node.data.repeatEvery)}` : ' · once at launch';
      return `${describeCondition(node.data.segment)}${every}`;
    }
    case 'entry.api':
      return 'POST /journeys/:id/entries';
    case 'send.push':
      return quoted(node.data.title, 'No title yet');
    case 'send.email':
      return quoted(node.data.subject, 'No subject yet');
    case 'send.whatsapp': {
      const waits = (node.data.quickReplies?.length ?? 0) > 0 ? ` · waits ${durationLabel(node.data.replyWindow)} for a reply` : '';
      if (node.data.mode === 'text') return `${quoted(node.data.text, 'No text yet')}${waits}`;
      const template = node.data.template;
      const name = template?.name ? `Template ${template.name}${template.language ? ` (${template.language})` : ''}` : 'Choose a template';
      return `${name}${waits}`;
    }
    case 'send.sms':
      return quoted(node.data.text, 'No text yet');
    case 'send.webhook':
      return node.data.url ? `${node.data.method} ${node.data.url}` : 'No URL yet';
    case 'update.tags': {
      const parts = (node.data.operations ?? []).map((operation) => {
        const tag = operation.tag || '…';
        if (operation.op === 'remove') return `remove ${tag}`;
        if (operation.op === 'increment') return `${tag} +${operation.value ?? 1}`;
        return `${tag} = ${JSON.stringify(operation.value ?? '')}`;
      });
      return parts.length === 0 ? 'No changes yet' : parts.join(', ');
    }
    case 'wait.delay':
      return waitDelaySummary(node.data);
    case 'wait.event':
      return `Up to ${durationLabel(node.data.timeout)}`;
    case 'branch.engagement':
      return `${sentMessageName(graph, node.data.sendNodeId)} ${METRIC_WORDS[node.data.metric] ?? node.data.metric} within ${durationLabel(node.data.window)}?`;
    case 'branch.condition':
      return `${describeCondition(node.data.condition)}?`;
    case 'branch.split':
      return (node.data.variants ?? []).map((variant) => `${variant.percent}%`).join(' / ') || 'No variants';
    case 'branch.reachability':
      return `Reachable on ${node.data.channel}?`;
    case 'exit':
      return 'Leave the journey';
  }
}
