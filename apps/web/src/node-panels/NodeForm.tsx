import { type JourneyGraph, type JourneyNode } from '@engine/journey';
import { type JourneyProblem } from '../validation/journey-validator';
import { BranchConditionPanel } from './BranchConditionPanel';
import { BranchEngagementPanel } from './BranchEngagementPanel';
import { BranchReachabilityPanel } from './BranchReachabilityPanel';
import { BranchSplitPanel } from './BranchSplitPanel';
import { EntryApiPanel } from './EntryApiPanel';
import { EntryEventPanel } from './EntryEventPanel';
import { EntrySegmentPanel } from './EntrySegmentPanel';
import { ExitPanel } from './ExitPanel';
import { SendEmailPanel } from './SendEmailPanel';
import { SendPushPanel } from './SendPushPanel';
import { SendSmsPanel } from './SendSmsPanel';
import { SendWebhookPanel } from './SendWebhookPanel';
import { SendWhatsAppPanel } from './SendWhatsAppPanel';
import { UpdateTagsPanel } from './UpdateTagsPanel';
import { WaitDelayPanel } from './WaitDelayPanel';
import { WaitEventPanel } from './WaitEventPanel';

interface NodeFormProps {
  node: JourneyNode;
  onChange: (node: JourneyNode, field: string) => void;
  problems: readonly JourneyProblem[];
  graph: JourneyGraph;
}

/** The form for a node's data, by its type. */
export function NodeForm({ node, onChange, problems, graph }: NodeFormProps) {
  const common = { problems, graph };
  switch (node.type) {
    case 'entry.event':
      return <EntryEventPanel {...common} node={node} onChange={(data, field) => onChange({ ...node, data }, field)} />;
    case 'entry.segment':
      return <EntrySegmentPanel {...common} node={node} onChange={(data, field) => onChange({ ...node, data }, field)} />;
    case 'entry.api':
      return <EntryApiPanel {...common} node={node} onChange={(data, field) => onChange({ ...node, data }, field)} />;
    case 'send.push':
      return <SendPushPanel {...common} node={node} onChange={(data, field) => onChange({ ...node, data }, field)} />;
    case 'send.email':
      return <SendEmailPanel {...common} node={node} onChange={(data, field) => onChange({ ...node, data }, field)} />;
    case 'send.whatsapp':
      return <SendWhatsAppPanel {...common} node={node} onChange={(data, field) => onChange({ ...node, data }, field)} />;
    case 'send.sms':
      return <SendSmsPanel {...common} node={node} onChange={(data, field) => onChange({ ...node, data }, field)} />;
    case 'send.webhook':
      return <SendWebhookPanel {...common} node={node} onChange={(data, field) => onChange({ ...node, data }, field)} />;
    case 'update.tags':
      return <UpdateTagsPanel {...common} node={node} onChange={(data, field) => onChange({ ...node, data }, field)} />;
    case 'wait.delay':
      return <WaitDelayPanel {...common} node={node} onChange={(data, field) => onChange({ ...node, data }, field)} />;
    case 'wait.event':
      return <WaitEventPanel {...common} node={node} onChange={(data, field) => onChange({ ...node, data }, field)} />;
    case 'branch.engagement':
      return <BranchEngagementPanel {...common} node={node} onChange={(data, field) => onChange({ ...node, data }, field)} />;
    case 'branch.condition':
      return <BranchConditionPanel {...common} node={node} onChange={(data, field) => onChange({ ...node, data }, field)} />;
    case 'branch.split':
      return <BranchSplitPanel {...common} node={node} onChange={(data, field) => onChange({ ...node, data }, field)} />;
    case 'branch.reachability':
      return <BranchReachabilityPanel {...common} node={node} onChange={(data, field) => onChange({ ...node, data }, field)} />;
    case 'exit':
      return <ExitPanel {...common} node={node} onChange={(data, field) => onChange({ ...node, data }, field)} />;
  }
}
