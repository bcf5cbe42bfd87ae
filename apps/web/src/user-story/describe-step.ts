import { type NodeType } from '@engine/journey';
import { type StoryNode, type StoryStep } from '../api/user-types';
import { NODE_TYPE_INFO } from '../node-catalogue/node-catalogue';
import { stepTitle } from '../node-catalogue/step-name';

const time = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/** Names a node of the journey for people: its label, else its type's title, else its id. */
export function nodeName(nodes: readonly StoryNode[], nodeId: string | undefined): string {
  if (nodeId === undefined) return '';
  const node = nodes.find((candidate) => candidate.id === nodeId);
  if (node === undefined || !Object.prototype.hasOwnProperty.call(NODE_TYPE_INFO, node.type)) return node?.label ?? nodeId;
  return stepTitle({ type: node.type as NodeType, ...(node.label === undefined ? {} : { label: node.label }) });
}

const HANDLE_WORDS: Record<string, string> = { yes: 'Yes', no: 'No', timeout: 'timed out', no_reply: 'no reply', other: 'anything else' };

/** What an out-handle means in words (`reply:yes` is the reply "yes"). */
export function handleWords(via: string): string {
  if (via.startsWith('reply:')) return `reply “${via.slice('reply:'.length)}”`;
  return HANDLE_WORDS[via] ?? via;
}

/** One step log entry as a sentence (the time is shown beside it). */
export function describeStep(step: StoryStep, nodes: readonly StoryNode[], format: (iso: string) => string = (iso) => time.format(new Date(iso))): string {
  const at = nodeName(nodes, step.node);
  switch (step.kind) {
    case 'entered':
      return `Entered at ${at}${step.event ? ` (event ${step.event})` : ''}`;
    case 'event':
      return `Event ${step.event ?? ''} moved the journey on`;
    case 'reached':
      return step.via === undefined ? `Reached ${at}` : `${nodeName(nodes, step.from)}: ${handleWords(step.via)} → ${at}`;
    case 'waiting':
      return `Waiting at ${at} until ${step.until ? format(step.until) : '?'}`;
    case 'send-asked':
      return step.heldUntil === undefined ? `${at}: message asked for` : `${at}: message held for silent hours until ${format(step.heldUntil)}`;
    case 'send-outcome':
      return step.outcome === 'sent' ? `${at}: message sent` : `${at}: message not sent${step.reason ? ` — ${step.reason.replace(/^Not sent: /, '')}` : ''}`;
    case 'send-cancelled':
      return `${at}: held message cancelled (the journey ended first)`;
    case 'tags-updated':
      return `${at}: tags updated (${(step.tags ?? []).join(', ')})`;
    case 'tag-refused':
      return `${at}: tag ${step.tag ?? ''} not written — ${step.reason ?? ''}`;
    case 'goal':
      return `Goal ${step.goal ?? ''} reached`;
    case 'exited':
      return step.node === undefined ? 'Left the journey (goal reached)' : `Left the journey at ${at}`;
    case 'stopped':
      return 'Stopped: the journey was archived';
  }
}
