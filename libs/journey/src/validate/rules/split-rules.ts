import { type JourneyGraphView } from '../graph-view';
import { type JourneyProblem } from '../problem';
import { labelOrId } from '../wording';
import { nodeProblem } from './make-problem';

// Shares like 33.3 + 33.3 + 33.4 do not add up to exactly 100 in floating point.
const SUM_TOLERANCE = 1e-6;

/** An A/B split has at least two variants with distinct ids and shares adding up to 100%. */
export function splitRules(view: JourneyGraphView): JourneyProblem[] {
  const problems: JourneyProblem[] = [];
  for (const split of view.nodes) {
    if (split.node?.type !== 'branch.split') continue;
    const { variants } = split.node.data;
    if (variants.length < 2) {
      problems.push(
        nodeProblem(split, 'split-too-few-variants', `a split needs at least 2 variants; it has ${variants.length}.`, {
          field: 'data.variants',
        }),
      );
    }
    const ids = new Set<string>();
    variants.forEach((variant, index) => {
      if (ids.has(variant.id)) {
        problems.push(
          nodeProblem(split, 'split-duplicate-variant-id', `two variants use the id "${variant.id}"; each variant needs its own id.`, {
            field: `data.variants[${index}].id`,
          }),
        );
      }
      ids.add(variant.id);
      if (variant.percent < 0) {
        problems.push(
          nodeProblem(split, 'split-negative-percent', `variant "${labelOrId(variant)}" has a negative share (${variant.percent}%).`, {
            field: `data.variants[${index}].percent`,
          }),
        );
      }
    });
    const sum = variants.reduce((total, variant) => total + variant.percent, 0);
    if (variants.length > 0 && Math.abs(sum - 100) > SUM_TOLERANCE) {
      problems.push(
        nodeProblem(split, 'split-percent-sum', `the variant shares add up to ${Math.round(sum * 1000) / 1000}%; they must add up to 100%.`, {
          field: 'data.variants',
        }),
      );
    }
  }
  return problems;
}
