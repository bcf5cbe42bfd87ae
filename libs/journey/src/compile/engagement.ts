import { type BranchEngagementData } from '../format/journey-graph';
import { type Channel } from '../format/node-types';
import { ENGAGEMENT_BY_EVENT } from '../step/journey-event';
import { type JourneyContext } from './journey-context';
import { type JourneyMachineEvent } from './machine-event';
import { ownEntry, withEntry } from './own-entry';

/** Which engagement events can refer to a message of each channel. */
export const ENGAGEMENT_EVENTS_BY_CHANNEL: Record<Channel, readonly string[]> = {
  push: ['PW_PushOpened'],
  email: ['PW_EmailOpened', 'PW_EmailClicked'],
  whatsapp: ['PW_WhatsAppDelivered', 'PW_WhatsAppRead', 'PW_WhatsAppReceived'],
  sms: [],
  webhook: [],
};

/**
 * The context with the metrics an engagement event proves recorded on the message it refers to,
 * or the same context when it proves nothing new. Only the latest visit of a tracked send node
 * counts: a late receipt for an earlier message is not taken for the current one.
 */
export function recordEngagement(
  context: JourneyContext,
  event: JourneyMachineEvent,
  trackedSends: ReadonlyMap<string, Channel>,
): JourneyContext {
  const message = event.message;
  if (message === undefined) return context;
  const channel = trackedSends.get(message.nodeId);
  if (channel === undefined || !ENGAGEMENT_EVENTS_BY_CHANNEL[channel].includes(event.type)) return context;
  const send = ownEntry(context.sends, message.nodeId);
  if (send === undefined || send.visit !== message.visit) return context;
  const fresh = (ownEntry(ENGAGEMENT_BY_EVENT, event.type) ?? []).filter((metric) => send.engagement[metric] === undefined);
  if (fresh.length === 0) return context;
  const engagement = { ...send.engagement };
  for (const metric of fresh) engagement[metric] = event.now;
  return { ...context, sends: withEntry(context.sends, message.nodeId, { ...send, engagement }) };
}

/**
 * When the engagement window of a branch closes (measured from when the message was sent), or
 * undefined when its send node never sent: never visited, or its message was finally not sent.
 */
export function engagementDeadline(context: JourneyContext, data: BranchEngagementData, windowMs: number): number | undefined {
  const send = ownEntry(context.sends, data.sendNodeId);
  return send === undefined || send.status === 'not_sent' ? undefined : send.at + windowMs;
}

/** Whether the branch's metric was seen for the latest message of its send node within the window. */
export function engagedInTime(context: JourneyContext, data: BranchEngagementData, windowMs: number): boolean {
  const send = ownEntry(context.sends, data.sendNodeId);
  const seenAt = send?.engagement[data.metric];
  return send !== undefined && seenAt !== undefined && seenAt <= send.at + windowMs;
}

/** What an engagement branch decides on arrival: `wait` until the window closes unless already known. */
export function decideEngagement(
  context: JourneyContext,
  data: BranchEngagementData,
  windowMs: number,
  now: number,
): 'yes' | 'no' | 'wait' {
  if (engagedInTime(context, data, windowMs)) return 'yes';
  const deadline = engagementDeadline(context, data, windowMs);
  return deadline === undefined || now >= deadline ? 'no' : 'wait';
}
