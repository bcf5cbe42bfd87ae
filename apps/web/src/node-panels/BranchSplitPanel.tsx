import { type SplitVariant } from '@engine/journey';
import { FieldProblems } from '../forms/FieldProblems';
import { uniqueId } from '../graph-editing/node-ids';
import { problemsAt } from '../validation/problems-index';
import { type NodePanelProps } from './node-panel-props';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Percentages that add up to 100, the remainder on the first variants. */
function evenSplit(count: number): number[] {
  const base = Math.floor(100 / count);
  return Array.from({ length: count }, (_, index) => base + (index < 100 - base * count ? 1 : 0));
}

export function BranchSplitPanel({ node, onChange, problems }: NodePanelProps<'branch.split'>) {
  const variants = node.data.variants;
  const total = variants.reduce((sum, variant) => sum + (Number.isFinite(variant.percent) ? variant.percent : 0), 0);
  const set = (next: SplitVariant[]): void => onChange({ ...node.data, variants: next }, 'variants');
  const update = (index: number, variant: SplitVariant): void => set(variants.map((existing, at) => (at === index ? variant : existing)));
  return (
    <fieldset className="list-editor">
      <legend className="form-field__label">Variants</legend>
      {variants.map((variant, index) => (
        <div key={variant.id}>
          <div className="list-editor__row list-editor__row--variant">
            <input className="input" aria-label={`Name of variant ${index + 1}`} value={variant.label ?? ''} placeholder={variant.id} onChange={(event) => update(index, { ...variant, label: event.target.value })} />
            <span className="input-with-suffix">
              <input
                className="input"
                type="number"
                min={0}
                max={100}
                aria-label={`Percent of variant ${variant.label || index + 1}`}
                value={Number.isFinite(variant.percent) ? variant.percent : ''}
                onChange={(event) => update(index, { ...variant, percent: event.target.value === '' ? 0 : Number(event.target.value) })}
              />
              <span className="input-with-suffix__suffix">%</span>
            </span>
            <button type="button" className="icon-button" aria-label={`Remove variant ${variant.label || index + 1}`} onClick={() => set(variants.filter((_, at) => at !== index))}>
              ×
            </button>
          </div>
          <FieldProblems problems={problemsAt(problems, `data.variants[${index}]`)} />
        </div>
      ))}
      <div className={total === 100 ? 'split-total' : 'split-total split-total--bad'} role="status">
        Total {total}%{total !== 100 ? ' — must be 100%' : ''}
      </div>
      <div className="list-editor__actions">
        <button
          type="button"
          className="link-button"
          onClick={() => {
            const letter = LETTERS[variants.length % LETTERS.length];
            const id = uniqueId(letter.toLowerCase(), new Set(variants.map((variant) => variant.id)));
            const next = [...variants, { id, label: letter, percent: 0 }];
            const percents = evenSplit(next.length);
            set(next.map((variant, index) => ({ ...variant, percent: percents[index] })));
          }}
        >
          + Variant
        </button>
        <button type="button" className="link-button" onClick={() => set(variants.map((variant, index) => ({ ...variant, percent: evenSplit(variants.length)[index] })))} disabled={variants.length === 0}>
          Split evenly
        </button>
      </div>
      <FieldProblems problems={problemsAt(problems, 'data.variants').filter((problem) => problem.field === 'data.variants')} />
      <p className="panel-note">A user always lands in the same variant, also when entering again.</p>
    </fieldset>
  );
}
