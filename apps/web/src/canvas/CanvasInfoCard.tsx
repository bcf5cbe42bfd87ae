import { type JourneyStats } from '../api/journey-types';
import { ProblemsList } from '../validation/ProblemsList';
import { useProblems } from '../validation/validation-context';

interface CanvasInfoCardProps {
  stats?: JourneyStats;
  readOnly: boolean;
  onOpenSettings: () => void;
  /** Whether the problems are folded away (the person's choice, kept while the card is hidden). */
  collapsed: boolean;
  onCollapsedChange: (collapsed: boolean) => void;
}

const number = new Intl.NumberFormat('en');

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Floats over the canvas when no step is selected: live totals, or the problems of the draft. */
export function CanvasInfoCard({ stats, readOnly, onOpenSettings, collapsed, onCollapsedChange }: CanvasInfoCardProps) {
  const problems = useProblems();
  if (readOnly) {
    if (stats === undefined) return null;
    return (
      <section className="info-card info-card--totals" aria-label="Live totals">
        <dl className="totals">
          <div>
            <dt>Entered</dt>
            <dd>{number.format(stats.totals.entered)}</dd>
          </div>
          <div>
            <dt>In journey</dt>
            <dd>{number.format(stats.totals.active)}</dd>
          </div>
          <div>
            <dt>Completed</dt>
            <dd>{number.format(stats.totals.completed)}</dd>
          </div>
          <div>
            <dt>Conversions</dt>
            <dd>{number.format(stats.totals.conversions)}</dd>
          </div>
        </dl>
      </section>
    );
  }
  if (problems.all.length === 0) {
    return (
      <p className="info-card info-card--ready" role="status">
        Ready to publish
      </p>
    );
  }
  const summary = [problems.errorCount > 0 ? plural(problems.errorCount, 'error') : '', problems.warningCount > 0 ? plural(problems.warningCount, 'warning') : '']
    .filter(Boolean)
    .join(' · ');
  return (
    <section className={collapsed ? 'info-card info-card--collapsed' : 'info-card'} aria-label="Problems">
      <button type="button" className="info-card__toggle" aria-expanded={!collapsed} onClick={() => onCollapsedChange(!collapsed)}>
        <span className={problems.errorCount > 0 ? 'info-card__dot info-card__dot--error' : 'info-card__dot info-card__dot--warning'} aria-hidden="true" />
        <span className="info-card__title">Problems</span>
        <span className="info-card__summary">{summary}</span>
        <span className="info-card__chevron" aria-hidden="true">
          {collapsed ? '▸' : '▾'}
        </span>
      </button>
      {!collapsed && (
        <div className="info-card__body">
          <ProblemsList onOpenSettings={onOpenSettings} />
        </div>
      )}
    </section>
  );
}
