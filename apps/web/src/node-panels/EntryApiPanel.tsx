import { type NodePanelProps } from './node-panel-props';

export function EntryApiPanel(_props: NodePanelProps<'entry.api'>) {
  return (
    <div className="panel-note">
      <p>Your backend adds a user to this journey with one call:</p>
      <pre className="code-block">{`POST /api/v1/journeys/<journey id>/entries
Authorization: Bearer <API key>
{ "userId": "user-42", "attributes": { "orderId": "1001" } }`}</pre>
      <p>The attributes are available to the steps as <code>{'{{event.orderId}}'}</code>.</p>
    </div>
  );
}
