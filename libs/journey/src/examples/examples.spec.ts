import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateCondition } from '../condition/evaluate-condition';
import { type ConditionFacts } from '../condition/condition';
import { type JourneyGraph } from '../format/journey-graph';
import { outHandles } from '../format/out-handles';
import { omnichannelFallbackJourney } from './omnichannel-fallback';
import { whatsappKeywordJourney } from './whatsapp-keywords';

/** Structural checks the format demands; the full validator has its own tests. */
function structuralProblems(graph: JourneyGraph): string[] {
  const problems: string[] = [];
  const ids = new Set(graph.nodes.map((node) => node.id));
  if (ids.size !== graph.nodes.length) problems.push('duplicate node ids');
  if (new Set(graph.edges.map((edge) => edge.id)).size !== graph.edges.length) problems.push('duplicate edge ids');
  for (const node of graph.nodes) {
    for (const handle of outHandles(node)) {
      const leaving = graph.edges.filter((edge) => edge.source === node.id && edge.sourceHandle === handle);
      if (leaving.length !== 1) problems.push(`${node.id}.${handle} has ${leaving.length} edges`);
    }
  }
  for (const edge of graph.edges) {
    const source = graph.nodes.find((node) => node.id === edge.source);
    if (source === undefined || !outHandles(source).includes(edge.sourceHandle)) problems.push(`${edge.id} source`);
    if (!ids.has(edge.target)) problems.push(`${edge.id} target`);
  }
  const positions = new Set(graph.nodes.map((node) => `${node.position.x},${node.position.y}`));
  if (positions.size !== graph.nodes.length) problems.push('overlapping nodes');
  return problems;
}

/** Node ids in the order a user passes them, following the chosen handle at each branch. */
function walk(graph: JourneyGraph, choose: (nodeId: string) => string): string[] {
  const path: string[] = [];
  let current = graph.nodes.find((node) => node.type.startsWith('entry.'));
  while (current !== undefined && path.length < 20) {
    path.push(current.id);
    const handles = outHandles(current);
    if (handles.length === 0) break;
    const handle = handles.length === 1 ? handles[0] : choose(current.id);
    const edge = graph.edges.find((candidate) => candidate.source === current!.id && candidate.sourceHandle === handle);
    current = graph.nodes.find((node) => node.id === edge?.target);
  }
  return path;
}

function inbound(text: string): ConditionFacts {
  return { user: { id: 'u1', tags: {} }, event: { text } };
}

describe('omnichannelFallbackJourney', () => {
  it('is structurally sound', () => {
    expect(structuralProblems(omnichannelFallbackJourney)).toEqual([]);
  });

  it('falls back push -> email -> WhatsApp when nothing is opened', () => {
    expect(walk(omnichannelFallbackJourney, () => 'no')).toEqual([
      'entry',
      'push',
      'push-opened',
      'email',
      'email-opened',
      'whatsapp',
      'exit-whatsapp',
    ]);
    expect(walk(omnichannelFallbackJourney, () => 'yes')).toEqual(['entry', 'push', 'push-opened', 'exit-push']);
  });

  it('enters on WhatsApp messages with the keyword "promo"', () => {
    const entry = omnichannelFallbackJourney.nodes[0];
    expect(entry.type).toBe('entry.event');
    if (entry.type !== 'entry.event') return;
    expect(entry.data.event).toBe('PW_WhatsAppReceived');
    expect(evaluateCondition(entry.data.where!, inbound('PROMO'), 0)).toBe(true);
    expect(evaluateCondition(entry.data.where!, inbound('promotion'), 0)).toBe(false);
  });

  it('is embedded verbatim in the README', () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Example: omnichannel fallback'));
    const block = /```json\n([\s\S]*?)\n```/.exec(section);
    expect(block).not.toBeNull();
    expect(JSON.parse(block![1])).toEqual(omnichannelFallbackJourney);
  });
});

describe('whatsappKeywordJourney', () => {
  it('is structurally sound', () => {
    expect(structuralProblems(whatsappKeywordJourney)).toEqual([]);
  });

  it('answers "help" and "promo" and lets other messages leave', () => {
    const route = (text: string): string[] =>
      walk(whatsappKeywordJourney, (nodeId) => {
        const node = whatsappKeywordJourney.nodes.find((candidate) => candidate.id === nodeId);
        if (node?.type !== 'branch.condition') throw new Error(`unexpected branch ${nodeId}`);
        return evaluateCondition(node.data.condition, inbound(text), 0) ? 'yes' : 'no';
      });
    expect(route('Help!')).toEqual(['entry', 'is-help', 'help-reply', 'exit-help']);
    expect(route('send me the PROMO')).toEqual(['entry', 'is-help', 'is-promo', 'promo-reply', 'exit-promo']);
    expect(route('helpful promotion')).toEqual(['entry', 'is-help', 'is-promo', 'exit-other']);
  });

  it('replies with the support_help and promo_offer templates in English', () => {
    const templates = whatsappKeywordJourney.nodes.flatMap((node) =>
      node.type === 'send.whatsapp' ? [`${node.data.template?.name}/${node.data.template?.language}`] : [],
    );
    expect(templates).toEqual(['support_help/en', 'promo_offer/en']);
  });
});
