import { type NodePanelProps } from './node-panel-props';

export function ExitPanel(_props: NodePanelProps<'exit'>) {
  return <p className="panel-note">Users who reach this step leave the journey. Name it after why they leave (“Opened the push”), so the statistics read well.</p>;
}
