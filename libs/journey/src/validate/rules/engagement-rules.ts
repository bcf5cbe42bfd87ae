import { isSendNodeType, SEND_NODE_CHANNEL, type UserChannel } from '../../format/node-types';
import { ENGAGEMENT_METRICS_BY_CHANNEL } from '../engagement-metrics';
import { Dominators } from '../graph/dominators';
import { type JourneyGraphView } from '../graph-view';
import { type JourneyProblem } from '../problem';
import { listInWords, nodeName } from '../wording';
import { nodeProblem } from './make-problem';

const CHANNEL_NAMES: Record<UserChannel, string> = { push: 'Push', email: 'Email', whatsapp: 'WhatsApp', sms: 'SMS' };

/**
 * An engagement check looks at a message an earlier push, email, WhatsApp or SMS step sent on
 * every path to it, for a metric that channel reports.
 */
export function engagementRules(view: JourneyGraphView): JourneyProblem[] {
  const problems: JourneyProblem[] = [];
  let dominators: Dominators | undefined;
  for (const check of view.nodes) {
    if (check.node?.type !== 'branch.engagement') continue;
    const { sendNodeId, metric } = check.node.data;
    const send = view.nodeById.get(sendNodeId);
    if (send === undefined) {
      problems.push(
        nodeProblem(
          check,
          'engagement-send-node-missing',
          sendNodeId === ''
            ? 'no message to check is chosen. Choose the send step whose message to check.'
            : `it checks node "${sendNodeId}", which does not exist. Choose the send step whose message to check.`,
          {
          field: 'data.sendNodeId',
        }),
      );
      continue;
    }
    const channel = send.type !== undefined && isSendNodeType(send.type) ? SEND_NODE_CHANNEL[send.type] : undefined;
    if (channel === undefined || channel === 'webhook') {
      problems.push(
        nodeProblem(check, 'engagement-not-a-send-node', `it checks ${nodeName(send)}, which sends no message to the user. Choose a push, email, WhatsApp or SMS step.`, {
          field: 'data.sendNodeId',
        }),
      );
      continue;
    }
    const metrics = ENGAGEMENT_METRICS_BY_CHANNEL[channel];
    if (!metrics.includes(metric)) {
      problems.push(
        nodeProblem(
          check,
          'engagement-metric-unavailable',
          metrics.length === 0
            ? `${CHANNEL_NAMES[channel]} messages report nothing back (no delivery or open receipts), so they cannot be checked for "${metric}".`
            : `${CHANNEL_NAMES[channel]} messages can be checked for ${listInWords(metrics.map((name) => `"${name}"`), 'or')}, not "${metric}".`,
          { field: 'data.metric' },
        ),
      );
    }
    dominators ??= new Dominators(
      view.entries.map((entry) => entry.id),
      view.successors,
    );
    // Unreachable checks are reported as such; a check before its send is meaningless.
    if (dominators.isReachable(check.id) && !dominators.strictlyDominates(send.id, check.id)) {
      problems.push(
        nodeProblem(
          check,
          'engagement-send-not-before',
          `not every path to this step passes through ${nodeName(send)} first, so some users would have no message to check. Place the check after that send step on every path.`,
          { field: 'data.sendNodeId' },
        ),
      );
    }
  }
  return problems;
}
