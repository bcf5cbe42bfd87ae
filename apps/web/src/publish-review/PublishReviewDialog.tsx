import { useMemo } from 'react';
import { useEditor } from '../editor-store/editor-store-context';
import { Dialog } from '../ui/Dialog';
import { publishSummary } from './publish-summary';

interface PublishReviewDialogProps {
  open: boolean;
  /** A journey already live: publishing moves new entries to this version. */
  replacesVersion: number | undefined;
  onCancel: () => void;
  onConfirm: () => void;
}

/** What publishing starts, to confirm before it does: who enters, what is sent, goals and rules. */
export function PublishReviewDialog({ open, replacesVersion, onCancel, onConfirm }: PublishReviewDialogProps) {
  const graph = useEditor((state) => state.graph);
  const summary = useMemo(() => publishSummary(graph), [graph]);
  return (
    <Dialog
      title={replacesVersion === undefined ? 'Publish this journey?' : `Publish the changes as version ${replacesVersion + 1}?`}
      open={open}
      onClose={onCancel}
      footer={
        <>
          <button type="button" className="button" onClick={onCancel}>
            Keep editing
          </button>
          <button type="button" className="button button--primary" onClick={onConfirm}>
            Publish now
          </button>
        </>
      }
    >
      <dl className="publish-review">
        <ReviewItem title="Who enters" lines={summary.entries} empty="No entry: nobody will enter." />
        <ReviewItem title="Messages" lines={summary.messages} empty="No message steps." />
        <ReviewItem title="Goals" lines={summary.goals} empty="No goal: conversions are not counted." />
        <ReviewItem title="Silent hours" lines={summary.silentHours === undefined ? [] : [summary.silentHours]} empty="None: messages go out at any hour." />
        <ReviewItem title="Rules" lines={summary.rules} empty="" />
      </dl>
      {replacesVersion !== undefined && <p className="muted">Users already in version {replacesVersion} finish it; new entries use the new version.</p>}
    </Dialog>
  );
}

function ReviewItem({ title, lines, empty }: { title: string; lines: readonly string[]; empty: string }) {
  if (lines.length === 0 && empty === '') return null;
  return (
    <div className="publish-review__item">
      <dt>{title}</dt>
      {lines.length === 0 ? (
        <dd className="muted">{empty}</dd>
      ) : (
        lines.map((line) => <dd key={line}>{line}</dd>)
      )}
    </div>
  );
}
