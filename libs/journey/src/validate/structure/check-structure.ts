import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidatorOptions } from 'class-validator';
import { checkConditionShape } from '../../condition/check-condition-shape';
import { JourneyGraphDto } from '../../format/dto/graph.dto';
import { nodeDataDtoClass, type NodeDataDtoClass } from '../../format/dto/node-data-dto';
import { isNodeType } from '../../format/node-types';
import { type JourneyProblem } from '../problem';
import { edgeSubject, nodeSubject } from '../wording';
import { formatFieldPath, type FieldPath } from './field-path';
import { findNonJson, MAX_JSON_DEPTH, MAX_JSON_VALUES, type NonJsonFinding } from './find-non-json';
import { flattenValidationErrors, type PropertyFailure } from './flatten-validation-errors';

/** What the structural (DTO) pass found, and which parts the graph rules may trust. */
export interface StructureReport {
  problems: JourneyProblem[];
  /** The input is not an object, or its nodes or edges are not arrays: nothing more to analyse. */
  fatal: boolean;
  /** Input indexes of the nodes whose `data` passed the DTO of their type. */
  nodesWithValidData: ReadonlySet<number>;
  /** Top-level settings properties (`goals`, `reentry`...) free of structural problems. */
  wellFormedSettings: ReadonlySet<string>;
}

const VALIDATOR_OPTIONS: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  validationError: { target: false, value: true },
};

const SETTINGS_SECTIONS = ['goals', 'reentry', 'silentHours', 'frequencyCap', 'throttling'];

/** Where a failure belongs: the subject of its message and the ids/field of its problem. */
interface FailureLocation {
  code: string;
  subject: string;
  nodeId?: string;
  edgeId?: string;
  /** The `field` of the problem. */
  field: FieldPath;
  /** The path the message names, relative to the subject. */
  shown: FieldPath;
}

/**
 * Check the journey against its DTO classes: the envelope (nodes, edges, settings) and the
 * `data` of every node with the DTO of its type. Never throws.
 */
export function checkStructure(input: unknown): StructureReport {
  const nodesWithValidData = new Set<number>();
  if (!isRecord(input)) {
    return {
      problems: [graphProblem('The journey must be an object with formatVersion, nodes, edges and settings.')],
      fatal: true,
      nodesWithValidData,
      wellFormedSettings: new Set(),
    };
  }
  const nonJson = findNonJson(input);
  if (nonJson !== undefined) {
    return { problems: [nonJsonProblem(nonJson)], fatal: true, nodesWithValidData, wellFormedSettings: new Set() };
  }
  const fatal = !Array.isArray(input.nodes) || !Array.isArray(input.edges);
  const envelope = validateWith(JourneyGraphDto, withoutNodeData(input), []);
  if (envelope === 'unreadable') {
    return {
      problems: [graphProblem('The journey could not be read: it is nested too deeply or is not plain JSON.')],
      fatal: true,
      nodesWithValidData,
      wellFormedSettings: new Set(),
    };
  }
  const problems = envelope.flatMap((failure) => failureProblems(failure, input));

  if (Array.isArray(input.nodes)) {
    input.nodes.forEach((node: unknown, index: number) => {
      const dataProblems = checkNodeData(node, index, input);
      if (dataProblems === undefined) return;
      problems.push(...dataProblems);
      if (dataProblems.length === 0) nodesWithValidData.add(index);
    });
  }

  return { problems, fatal, nodesWithValidData, wellFormedSettings: wellFormedSettings(input.settings, envelope) };
}

/** Problems of a node's `data`, or undefined when its type or data is too broken to check. */
function checkNodeData(node: unknown, index: number, graph: Record<string, unknown>): JourneyProblem[] | undefined {
  if (!isRecord(node) || typeof node.type !== 'string' || !isNodeType(node.type) || !isRecord(node.data)) {
    return undefined;
  }
  const base: FieldPath = ['nodes', index, 'data'];
  const dto = nodeDataDtoClass(node.type, node.data);
  if (dto === undefined) {
    // Types without data fields: anything in `data` is unknown.
    return Object.keys(node.data).flatMap((key) =>
      failureProblems({ path: [...base, key], property: key, value: undefined, constraints: { whitelistValidation: '' } }, graph),
    );
  }
  const failures = validateWith(dto, node.data, base);
  if (failures === 'unreadable') {
    const location = locate(base, graph);
    return [problemAt(location, 'its settings could not be read (nested too deeply or not plain JSON)')];
  }
  return failures.flatMap((failure) => failureProblems(failure, graph));
}

/**
 * The envelope only needs to know that each node's `data` is an object: its fields are checked
 * per type below. An empty stand-in spares class-transformer a deep copy of every node's data.
 */
function withoutNodeData(graph: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(graph.nodes)) return graph;
  const nodes = (graph.nodes as unknown[]).map((node) => (isRecord(node) && isRecord(node.data) ? { ...node, data: {} } : node));
  return { ...graph, nodes };
}

function validateWith(dto: NodeDataDtoClass, value: Record<string, unknown>, base: FieldPath): PropertyFailure[] | 'unreadable' {
  try {
    const instance = plainToInstance(dto, value);
    return flattenValidationErrors(validateSync(instance, VALIDATOR_OPTIONS), base);
  } catch {
    // class-transformer recurses: absurdly deep or cyclic input overflows the stack.
    return 'unreadable';
  }
}

function failureProblems(failure: PropertyFailure, graph: Record<string, unknown>): JourneyProblem[] {
  const location = locate(failure.path, graph);
  const shown = formatFieldPath(location.shown);
  const { constraints } = failure;
  if ('whitelistValidation' in constraints) {
    return [problemAt({ ...location, code: 'unknown-field' }, `${shown} is not a known field`)];
  }
  const names = constraintNames(constraints);
  // "Nested property must be either object or array" repeats what isObject already said.
  if (names.length === 0) return [];
  if (location.shown.length === 0) return [problemAt(location, wholeValueText(failure.path))];
  if ('unknownValue' in constraints) return [problemAt(location, `${shown} must be a plain JSON object`)];
  if (failure.value === undefined) return [problemAt(location, `${shown} is required`)];
  if ('isCondition' in constraints) {
    return checkConditionShape(failure.value, shown).map((text) => problemAt(location, text));
  }
  return names.flatMap((name) => {
    const message = constraints[name];
    if (name === 'isObject' && message.startsWith('each value in ') && Array.isArray(failure.value)) {
      return elementsNotObjects(failure.path, failure.value, graph);
    }
    return [problemAt(location, rewordMessage(message, failure.property, shown))];
  });
}

/** One problem per element of `list` that is not an object, located at the element itself. */
function elementsNotObjects(path: FieldPath, list: readonly unknown[], graph: Record<string, unknown>): JourneyProblem[] {
  const problems: JourneyProblem[] = [];
  for (let index = 0; index < list.length; index += 1) {
    if (isRecord(list[index])) continue;
    const elementPath = [...path, index];
    const location = locate(elementPath, graph);
    problems.push(
      problemAt(
        location,
        location.shown.length === 0 ? wholeValueText(elementPath) : `${formatFieldPath(location.shown)} must be an object`,
      ),
    );
  }
  return problems;
}

/**
 * The constraints worth a message. A wrong container type says it all (`quickReplies must be an
 * array`, not also each element's errors); a bare nested-validation notice says nothing new.
 */
function constraintNames(constraints: Record<string, string>): string[] {
  const names = Object.keys(constraints);
  if (names.includes('isArray')) return ['isArray'];
  if (names.includes('isObject')) return ['isObject'];
  return names.filter((name) => name !== 'nestedValidation');
}

/** class-validator names the bare property (`name must be a string`); name the whole path instead. */
function rewordMessage(message: string, property: string, shown: string): string {
  if (property === '' || property === shown) return message;
  if (message.startsWith(`${property} `)) return `${shown}${message.slice(property.length)}`;
  const inner = message.indexOf(` ${property} `);
  return inner === -1 ? message : `${message.slice(0, inner)} ${shown}${message.slice(inner + property.length + 1)}`;
}

/** When a node, edge or the settings object itself is wrong (not an object, missing). */
function wholeValueText(path: FieldPath): string {
  if (path[0] === 'nodes') return 'must be an object with id, type, data and position';
  if (path[0] === 'edges') return 'must be an object with id, source, sourceHandle and target';
  return 'must be an object';
}

function locate(path: FieldPath, graph: Record<string, unknown>): FailureLocation {
  const [root, index] = path;
  if ((root === 'nodes' || root === 'edges') && typeof index === 'number') {
    const list = graph[root];
    const item: unknown = Array.isArray(list) ? list[index] : undefined;
    const id = isRecord(item) && typeof item.id === 'string' && item.id !== '' ? item.id : undefined;
    const relative = path.slice(2);
    // Inside node data, messages name the field as the node editor shows it: `title`, not `data.title`.
    const shown = root === 'nodes' && relative[0] === 'data' && relative.length > 1 ? relative.slice(1) : relative;
    if (root === 'nodes') {
      return {
        code: 'invalid-node',
        subject:
          id === undefined || !isRecord(item)
            ? `The node at position ${index + 1}`
            : nodeSubject({ id, type: typeof item.type === 'string' ? item.type : undefined, label: item.label }),
        nodeId: id,
        field: id === undefined ? path : relative,
        shown,
      };
    }
    return {
      code: 'invalid-edge',
      subject: id === undefined ? `The connection at position ${index + 1}` : edgeSubject(id),
      edgeId: id,
      field: id === undefined ? path : relative,
      shown,
    };
  }
  if (root === 'settings' && path.length > 1) {
    return { code: 'invalid-settings', subject: 'Journey settings', field: path, shown: path.slice(1) };
  }
  return { code: 'invalid-graph', subject: 'The journey', field: path, shown: path };
}

function problemAt(location: FailureLocation, text: string): JourneyProblem {
  // A text about the whole subject continues its sentence; a text about a field follows a colon.
  const separator = location.shown.length === 0 ? ' ' : ': ';
  const problem: JourneyProblem = {
    severity: 'error',
    code: location.code,
    message: `${location.subject}${separator}${text}`,
  };
  if (location.nodeId !== undefined) problem.nodeId = location.nodeId;
  if (location.edgeId !== undefined) problem.edgeId = location.edgeId;
  const field = formatFieldPath(location.field);
  if (field !== '') problem.field = field;
  return problem;
}

function wellFormedSettings(settings: unknown, failures: readonly PropertyFailure[]): Set<string> {
  if (!isRecord(settings)) return new Set();
  const broken = new Set<string | number | undefined>();
  for (const { path } of failures) {
    if (path[0] !== 'settings') continue;
    if (path.length === 1) return new Set();
    broken.add(path[1]);
  }
  return new Set(SETTINGS_SECTIONS.filter((section) => !broken.has(section)));
}

function nonJsonProblem({ reason, path }: NonJsonFinding): JourneyProblem {
  // A path as deep as the limit is no help to a reader: its start says where to look.
  const field = formatFieldPath(path.slice(0, 8));
  const shown = path.length > 8 ? `${field}...` : field;
  const problem = graphProblem(
    {
      gap: `The journey is not plain JSON: the list ${shown} has gaps.`,
      cycle: `The journey is not plain JSON: ${shown} contains itself.`,
      depth: `The journey is nested too deeply at ${shown} (at most ${MAX_JSON_DEPTH} levels).`,
      size: `The journey is too large to check (more than ${MAX_JSON_VALUES.toLocaleString('en-US')} values).`,
    }[reason],
  );
  if (field !== '') problem.field = field;
  return problem;
}

function graphProblem(message: string): JourneyProblem {
  return { severity: 'error', code: 'invalid-graph', message };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
