import { type JourneyNode } from '../../format/journey-graph';
import { type BuiltState, type CompileScope } from '../compile-scope';
import { conditionState, engagementState, reachabilityState, splitState } from './branch-states';
import { entryNodeState } from './entry-states';
import { exitState, updateTagsState, waitDelayState, waitEventState } from './flow-states';
import { sendState } from './send-states';

/** The state of one node, keyed by the node id in the machine. */
export function nodeState(scope: CompileScope, node: JourneyNode): BuiltState {
  switch (node.type) {
    case 'entry.event':
    case 'entry.segment':
    case 'entry.api':
      return entryNodeState(scope, node);
    case 'send.push':
    case 'send.email':
    case 'send.whatsapp':
    case 'send.sms':
    case 'send.webhook':
      return sendState(scope, node);
    case 'update.tags':
      return updateTagsState(scope, node);
    case 'wait.delay':
      return waitDelayState(scope, node);
    case 'wait.event':
      return waitEventState(scope, node);
    case 'branch.engagement':
      return engagementState(scope, node);
    case 'branch.condition':
      return conditionState(scope, node);
    case 'branch.split':
      return splitState(scope, node);
    case 'branch.reachability':
      return reachabilityState(scope, node);
    case 'exit':
      return exitState(node);
  }
}
