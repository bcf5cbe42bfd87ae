import { describe, expect, it } from 'vitest';
import { type StoryNode } from '../api/user-types';
import { describeStep, nodeName } from './describe-step';
import { tagChanges, tagRows } from './tag-changes';

const nodes: StoryNode[] = [
  { id: 'vip', type: 'branch.condition', label: 'VIP?' },
  { id: 'email', type: 'send.email' },
  { id: 'exit', type: 'exit' },
];
const at = '2026-01-05T20:00:00.000Z';
const format = (iso: string) => iso.slice(11, 16);

describe('describeStep', () => {
  it('names nodes by label, else by type, else by id', () => {
    expect([nodeName(nodes, 'vip'), nodeName(nodes, 'email'), nodeName(nodes, 'gone')]).toEqual(['VIP?', 'Email', 'gone']);
  });

  it('says which way a condition went', () => {
    expect(describeStep({ kind: 'reached', node: 'email', from: 'vip', via: 'yes', at }, nodes)).toBe('VIP?: Yes → Email');
    expect(describeStep({ kind: 'reached', node: 'exit', from: 'vip', via: 'reply:stop', at }, nodes)).toBe('VIP?: reply “stop” → Exit');
    expect(describeStep({ kind: 'reached', node: 'email', from: 'vip', at }, nodes)).toBe('Reached Email');
  });

  it('says a message is held for silent hours, and why one was not sent', () => {
    expect(describeStep({ kind: 'send-asked', node: 'email', channel: 'email', visit: 1, heldUntil: '2026-01-05T21:00:00.000Z', at }, nodes, format)).toBe(
      'Email: message held for silent hours until 21:00',
    );
    expect(describeStep({ kind: 'send-outcome', node: 'email', visit: 1, outcome: 'not_sent', reason: 'Not sent: the user opted out of email', at }, nodes)).toBe(
      'Email: message not sent — the user opted out of email',
    );
    expect(describeStep({ kind: 'tag-refused', node: 'email', tag: 'age', reason: 'age is an integer, got "old"', at }, nodes)).toBe('Email: tag age not written — age is an integer, got "old"');
  });
});

describe('tagChanges', () => {
  it('sends changed and new tags typed, removed ones as null, and nothing for unchanged ones', () => {
    const before = { plan: 'gold', visits: 3, vip: true };
    const rows = tagRows(before);
    expect(rows).toEqual([
      { name: 'plan', value: 'gold' },
      { name: 'visits', value: '3' },
      { name: 'vip', value: 'true' },
    ]);
    const edited = [{ name: 'plan', value: 'gold' }, { name: 'visits', value: '4' }, { name: 'city', value: 'Paris' }, { name: ' ', value: 'ignored' }];
    expect(tagChanges(before, edited)).toEqual({ tags: { vip: null, visits: 4, city: 'Paris' } });
  });

  it('refuses a tag named twice', () => {
    expect(tagChanges({}, [{ name: 'a', value: '1' }, { name: 'a', value: '2' }])).toEqual({ problem: 'The tag “a” is listed twice.' });
  });
});
