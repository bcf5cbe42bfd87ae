import { buildGraphView, type JourneyGraphView } from './graph-view';
import { type JourneyProblem, type JourneyValidationResult } from './problem';
import { contentRules } from './rules/content-rules';
import { cycleRules } from './rules/cycle-rules';
import { durationRules } from './rules/duration-rules';
import { edgeRules } from './rules/edge-rules';
import { engagementRules } from './rules/engagement-rules';
import { entryRules } from './rules/entry-rules';
import { eventNameRules } from './rules/event-name-rules';
import { handleRules } from './rules/handle-rules';
import { idRules } from './rules/id-rules';
import { type JourneyRule } from './rules/journey-rule';
import { reachabilityRules } from './rules/reachability-rules';
import { segmentRules } from './rules/segment-rules';
import { settingsRules } from './rules/settings-rules';
import { splitRules } from './rules/split-rules';
import { timeRules } from './rules/time-rules';
import { waitEventRules } from './rules/wait-event-rules';
import { whatsAppRules } from './rules/whatsapp-rules';
import { checkStructure } from './structure/check-structure';

export interface ValidateJourneyOptions {
  /** Custom event names the workspace has seen; others get an `unknown-event` warning. */
  knownEvents?: readonly string[];
  /** Ids of the project's saved segments; a `{ segment }` reference to another gets an `unknown-segment` warning. */
  knownSegments?: readonly string[];
}

/** The graph rules, in the order their problems are listed for one node. */
const RULES: readonly JourneyRule[] = [
  idRules,
  entryRules,
  edgeRules,
  handleRules,
  reachabilityRules,
  cycleRules,
  engagementRules,
  splitRules,
  waitEventRules,
  whatsAppRules,
  contentRules,
  durationRules,
  timeRules,
  eventNameRules,
  segmentRules,
  settingsRules,
];

/**
 * Every problem of a journey at once: first its structure (the DTOs), then, unless the input is
 * too broken to analyse, every graph rule on the parts that are well-formed. Never throws: the
 * API and the canvas both feed it whatever they were given.
 */
export function validateJourney(input: unknown, options: ValidateJourneyOptions = {}): JourneyValidationResult {
  const ranked: RankedProblem[] = [];
  const structure = checkStructure(input);
  structure.problems.forEach((problem, sequence) => ranked.push({ problem, rule: 0, sequence }));

  let view: JourneyGraphView | undefined;
  if (!structure.fatal && isRecord(input)) {
    view = buildGraphView(input, structure, options?.knownEvents, options?.knownSegments);
    RULES.forEach((rule, ruleIndex) => {
      runRule(rule, view!).forEach((problem, sequence) => ranked.push({ problem, rule: ruleIndex + 1, sequence }));
    });
  }

  const problems = sortProblems(ranked, input).map(({ problem }) => problem);
  return { valid: problems.every((problem) => problem.severity !== 'error'), problems };
}

function runRule(rule: JourneyRule, view: JourneyGraphView): JourneyProblem[] {
  try {
    return rule(view);
  } catch (error) {
    // A rule bug must not hide every other problem, nor let a broken journey publish.
    return [
      {
        severity: 'error',
        code: 'validation-incomplete',
        message: `The journey could not be checked completely (${error instanceof Error ? error.message : String(error)}).`,
      },
    ];
  }
}

interface RankedProblem {
  problem: JourneyProblem;
  /** 0 for structural problems, then the position of the rule in RULES. */
  rule: number;
  /** Order within its rule. */
  sequence: number;
}

/**
 * Deterministic order: journey-wide problems first, then per node in input order, then per
 * connection in input order, then settings; within one place by rule, then as the rule found them.
 */
function sortProblems(ranked: RankedProblem[], input: unknown): RankedProblem[] {
  const nodeIndex = firstIndexById(isRecord(input) ? input.nodes : undefined);
  const edgeIndex = firstIndexById(isRecord(input) ? input.edges : undefined);
  const keyOf = (problem: JourneyProblem): [number, number] => {
    if (problem.nodeId !== undefined && nodeIndex.has(problem.nodeId)) return [1, nodeIndex.get(problem.nodeId)!];
    if (problem.edgeId !== undefined && edgeIndex.has(problem.edgeId)) return [2, edgeIndex.get(problem.edgeId)!];
    const field = problem.field ?? '';
    const listed = /^(nodes|edges)\[(\d+)\]/.exec(field);
    if (listed !== null) return [listed[1] === 'nodes' ? 1 : 2, Number(listed[2])];
    return field.startsWith('settings') ? [3, 0] : [0, 0];
  };
  const keyed = ranked.map((entry) => ({ entry, key: keyOf(entry.problem) }));
  keyed.sort(
    (a, b) =>
      a.key[0] - b.key[0] ||
      a.key[1] - b.key[1] ||
      a.entry.rule - b.entry.rule ||
      a.entry.sequence - b.entry.sequence,
  );
  return keyed.map(({ entry }) => entry);
}

function firstIndexById(list: unknown): Map<string, number> {
  const indexes = new Map<string, number>();
  if (!Array.isArray(list)) return indexes;
  list.forEach((item: unknown, index) => {
    if (isRecord(item) && typeof item.id === 'string' && !indexes.has(item.id)) indexes.set(item.id, index);
  });
  return indexes;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
