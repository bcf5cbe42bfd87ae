import { type JourneyNode } from '@engine/journey';
import { durationLabel } from './node-summary';
import { stepTitle } from './step-name';

/** The caption of an out-handle on a node card; empty for the plain `next` handle. */
export function handleLabel(node: JourneyNode, handle: string): string {
  switch (handle) {
    case 'next':
      return '';
    case 'yes':
      return 'Yes';
    case 'no':
      return 'No';
    case 'no_reply':
      return node.type === 'send.whatsapp' ? `No reply in ${durationLabel(node.data.replyWindow)}` : 'No reply';
    case 'timeout':
      return node.type === 'wait.event' ? `Timeout ${durationLabel(node.data.timeout)}` : 'Timeout';
  }
  if (node.type === 'send.whatsapp' && handle.startsWith('reply:')) {
    const reply = node.data.quickReplies?.find((candidate) => `reply:${candidate.id}` === handle);
    return reply === undefined ? handle : `Reply “${reply.text || reply.id}”`;
  }
  if (node.type === 'wait.event') {
    const branch = node.data.branches?.find((candidate) => candidate.id === handle);
    if (branch !== undefined) {
      const events = branch.events.map((match) => match.event).filter((event) => event !== '');
      return branch.label?.trim() || events.join(' or ') || branch.id;
    }
  }
  if (node.type === 'branch.split') {
    const variant = node.data.variants?.find((candidate) => candidate.id === handle);
    if (variant !== undefined) return `${variant.label?.trim() || variant.id} · ${variant.percent}%`;
  }
  return handle;
}

/** An out-handle named for a reader: its step, then its caption (“Engagement check – No”); just the step for `next`. */
export function describeOutHandle(node: JourneyNode, handle: string): string {
  const step = stepTitle(node);
  const caption = handleLabel(node, handle);
  return caption === '' ? step : `${step} – ${caption}`;
}

export type HandleTone = 'yes' | 'no' | 'neutral';

/** How an out-handle is coloured: positive, negative or neutral. */
export function handleTone(handle: string): HandleTone {
  if (handle === 'yes' || handle.startsWith('reply:')) return 'yes';
  if (handle === 'no' || handle === 'no_reply' || handle === 'timeout') return 'no';
  return 'neutral';
}
