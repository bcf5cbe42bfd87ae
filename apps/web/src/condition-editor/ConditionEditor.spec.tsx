import { type Condition, type JourneyGraph, validateJourney } from '@engine/journey';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type EditorStore } from '../editor-store/editor-store';
import { NodePanel } from '../node-panels/NodePanel';
import { graphOf } from '../testing/journey-fixtures';
import { renderInEditor } from '../testing/render-in-editor';

const plan: Condition = { field: 'tags.plan', op: 'eq', value: 'pro' };
const country: Condition = { field: 'tags.country', op: 'eq', value: 'DE' };

function renderBranch(condition: Condition): { store: EditorStore } {
  const graph = graphOf({ id: 'branch', type: 'branch.condition', position: { x: 0, y: 0 }, data: { condition } });
  return renderInEditor(<NodePanel nodeId="branch" />, graph);
}

function conditionOf(store: EditorStore): unknown {
  const node = store.getState().graph.nodes.find((candidate) => candidate.id === 'branch');
  return node?.type === 'branch.condition' ? node.data.condition : undefined;
}

/** What the journey validator (the one publishing uses) says about the branch's condition. */
function conditionProblems(graph: JourneyGraph): string[] {
  return validateJourney(graph)
    .problems.filter((problem) => problem.field?.startsWith('data.condition') === true)
    .map((problem) => problem.message);
}

describe('condition editor: negated rows', () => {
  it('shows a negated field condition as its row with "Not" ticked', () => {
    renderBranch({ not: plan });
    const row = screen.getByRole('group', { name: 'Condition' });
    expect(within(row).getByRole('checkbox', { name: 'Not' })).toHaveProperty('checked', true);
    expect(within(row).getByLabelText('Field')).toHaveProperty('value', 'tags.plan');
    expect(within(row).getByLabelText('Operator')).toHaveProperty('value', 'eq');
    expect(within(row).getByLabelText('Value')).toHaveProperty('value', 'pro');
    expect(screen.getByText('not (tags.plan is "pro")')).toBeTruthy();
    expect(screen.queryByText(JSON.stringify({ not: plan }))).toBeNull();
  });

  it('wraps a row in a not when ticked and unwraps it when unticked, keeping its edits', () => {
    const { store } = renderBranch(plan);
    const not = screen.getByRole('checkbox', { name: 'Not' });
    expect(not).toHaveProperty('checked', false);

    fireEvent.click(not);
    expect(conditionOf(store)).toEqual({ not: plan });
    fireEvent.change(screen.getByLabelText('Value'), { target: { value: 'team' } });
    expect(conditionOf(store)).toEqual({ not: { field: 'tags.plan', op: 'eq', value: 'team' } });
    expect(conditionProblems(store.getState().graph)).toEqual([]);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Not' }));
    expect(conditionOf(store)).toEqual({ field: 'tags.plan', op: 'eq', value: 'team' });
  });

  it('negates one row of a group and leaves the others alone', () => {
    const { store } = renderBranch({ or: [country, plan] });
    const [, secondRow] = screen.getAllByRole('group', { name: 'Condition' });
    fireEvent.click(within(secondRow).getByRole('checkbox', { name: 'Not' }));
    expect(conditionOf(store)).toEqual({ or: [country, { not: plan }] });
    expect(conditionProblems(store.getState().graph)).toEqual([]);
    expect(screen.getByText('tags.country is "DE" or not (tags.plan is "pro")')).toBeTruthy();

    fireEvent.click(within(screen.getAllByRole('group', { name: 'Condition' })[0]).getByRole('button', { name: 'Remove condition' }));
    expect(conditionOf(store)).toEqual({ or: [{ not: plan }] });
  });

  it('negates a past-event condition and keeps the not while it is edited', () => {
    const { store } = renderBranch({ not: { history: { event: 'Purchase', where: plan, within: '30d' } } });
    const row = screen.getByRole('group', { name: 'Past event condition' });
    expect(within(row).getByRole('checkbox', { name: 'Not' })).toHaveProperty('checked', true);
    expect(within(row).getByLabelText('Past event')).toHaveProperty('value', 'Purchase');

    fireEvent.change(within(row).getByLabelText('Within (duration, empty for all time)'), { target: { value: '7d' } });
    expect(conditionOf(store)).toEqual({ not: { history: { event: 'Purchase', where: plan, within: '7d' } } });
    fireEvent.click(within(row).getByRole('checkbox', { name: 'Not' }));
    expect(conditionOf(store)).toEqual({ history: { event: 'Purchase', where: plan, within: '7d' } });
  });
});

describe('condition editor: negated groups', () => {
  it('shows a not around an or as a "None of these" group that keeps its not when rows are added', () => {
    const { store } = renderBranch({ and: [country, { not: { or: [plan, { field: 'tags.plan', op: 'eq', value: 'team' }] } }] });
    const none = screen.getByRole('group', { name: 'None of these' });
    expect(within(none).getByLabelText('How the conditions combine')).toHaveProperty('value', 'not-or');
    expect(within(none).getAllByLabelText('Value').map((input) => (input as HTMLInputElement).value)).toEqual(['pro', 'team']);
    expect(within(none).getAllByRole('checkbox', { name: 'Not' }).map((box) => (box as HTMLInputElement).checked)).toEqual([false, false]);

    fireEvent.click(within(none).getByRole('button', { name: '+ Condition' }));
    fireEvent.change(within(none).getAllByLabelText('Field')[2], { target: { value: 'tags.plan' } });
    fireEvent.change(within(none).getAllByLabelText('Value')[2], { target: { value: 'free' } });
    const free: Condition = { field: 'tags.plan', op: 'eq', value: 'free' };
    expect(conditionOf(store)).toEqual({ and: [country, { not: { or: [plan, { field: 'tags.plan', op: 'eq', value: 'team' }, free] } }] });
    expect(conditionProblems(store.getState().graph)).toEqual([]);

    fireEvent.click(within(none).getAllByRole('button', { name: 'Remove condition' })[1]);
    expect(conditionOf(store)).toEqual({ and: [country, { not: { or: [plan, free] } }] });
    expect(screen.getByText('tags.country is "DE" and not (tags.plan is "pro" or tags.plan is "free")')).toBeTruthy();
  });

  it('turns a group into "not all of" or back into a plain group with the kind select', () => {
    const { store } = renderBranch({ and: [country, { not: { or: [plan] } }] });
    fireEvent.change(within(screen.getByRole('group', { name: 'None of these' })).getByLabelText('How the conditions combine'), { target: { value: 'not-and' } });
    expect(conditionOf(store)).toEqual({ and: [country, { not: { and: [plan] } }] });
    const notAll = screen.getByRole('group', { name: 'Not all of these' });

    fireEvent.change(within(notAll).getByLabelText('How the conditions combine'), { target: { value: 'or' } });
    expect(conditionOf(store)).toEqual({ and: [country, { or: [plan] }] });
    expect(screen.queryByRole('group', { name: 'Not all of these' })).toBeNull();
  });

  it('creates a negated group from a new nested group or from the whole condition', () => {
    const { store } = renderBranch(country);
    fireEvent.click(screen.getByRole('button', { name: '+ Any-of group' }));
    const nested = screen.getByRole('group', { name: 'Any of these' });
    fireEvent.change(within(nested).getByLabelText('Field'), { target: { value: 'tags.plan' } });
    fireEvent.change(within(nested).getByLabelText('Value'), { target: { value: 'pro' } });
    fireEvent.change(within(nested).getByLabelText('How the conditions combine'), { target: { value: 'not-or' } });
    expect(conditionOf(store)).toEqual({ and: [country, { not: { or: [plan] } }] });
    expect(screen.getByRole('group', { name: 'None of these' })).toBeTruthy();
    expect(conditionProblems(store.getState().graph)).toEqual([]);

    fireEvent.change(within(screen.getByRole('group', { name: 'All of these' })).getAllByLabelText('How the conditions combine')[0], { target: { value: 'not-or' } });
    expect(conditionOf(store)).toEqual({ not: { or: [country, { not: { or: [plan] } }] } });
    expect(screen.getByText('not (tags.country is "DE" or not (tags.plan is "pro"))')).toBeTruthy();
    expect(conditionProblems(store.getState().graph)).toEqual([]);
  });

  it('keeps the not of a whole "none of" condition when its last row is removed', () => {
    const { store } = renderBranch({ not: { or: [plan] } });
    fireEvent.click(screen.getByRole('button', { name: 'Remove condition' }));
    expect(conditionOf(store)).toEqual({ not: { or: [] } });
    expect(screen.getByText('No conditions: always true.')).toBeTruthy();
  });
});

describe('condition editor: problems inside a not', () => {
  const reserved = /starts with "journey\.", which is reserved/;

  it('shows a problem of a negated row on that row', async () => {
    renderBranch({ and: [plan, { not: { history: { event: 'journey.tick' } } }] });
    const history = screen.getByRole('group', { name: 'Past event condition' });
    expect(await within(history).findByText(reserved)).toBeTruthy();
    expect(within(screen.getByRole('group', { name: 'Condition' })).queryByText(reserved)).toBeNull();
  });

  it('shows a problem inside a "none of" group on its row', async () => {
    renderBranch({ not: { or: [plan, { history: { event: 'journey.tick' } }] } });
    const none = screen.getByRole('group', { name: 'None of these' });
    const history = within(none).getByRole('group', { name: 'Past event condition' });
    expect(await within(history).findByText(reserved)).toBeTruthy();
    expect(screen.getAllByText(reserved)).toHaveLength(1);
  });
});

describe('condition editor: typed values from the tag catalogue', () => {
  const TAGS = [
    { name: 'signup_day', type: 'date', description: '', createdAt: '2026-01-01T00:00:00.000Z' },
    { name: 'orders', type: 'integer', description: '', createdAt: '2026-01-01T00:00:00.000Z' },
    { name: 'vip', type: 'boolean', description: '', createdAt: '2026-01-01T00:00:00.000Z' },
  ];
  const stubTags = () =>
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) => Promise.resolve(new Response(JSON.stringify(url.startsWith('/api/v1/tags') ? TAGS : []), { status: 200, headers: { 'Content-Type': 'application/json' } }))),
    );
  afterEach(() => vi.unstubAllGlobals());

  it('picks a date for a date tag, a number for an integer tag and yes/no for a boolean tag', async () => {
    stubTags();
    const { store } = renderBranch({ field: 'tags.signup_day', op: 'gte', value: '2026-06-01' });
    await waitFor(() => expect(screen.getByLabelText('Value').getAttribute('type')).toBe('date'));
    const date = screen.getByLabelText('Value');
    expect(date).toHaveProperty('value', '2026-06-01');
    fireEvent.change(date, { target: { value: '2026-07-15' } });
    expect(conditionOf(store)).toEqual({ field: 'tags.signup_day', op: 'gte', value: '2026-07-15' });

    fireEvent.change(screen.getByLabelText('Field'), { target: { value: 'tags.orders' } });
    const orders = screen.getByLabelText('Value');
    expect(orders.getAttribute('type')).toBe('number');
    fireEvent.change(orders, { target: { value: '3' } });
    expect(conditionOf(store)).toEqual({ field: 'tags.orders', op: 'gte', value: 3 });

    fireEvent.change(screen.getByLabelText('Field'), { target: { value: 'tags.vip' } });
    fireEvent.change(screen.getByLabelText('Operator'), { target: { value: 'eq' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Value' }), { target: { value: 'true' } });
    expect(conditionOf(store)).toEqual({ field: 'tags.vip', op: 'eq', value: true });
  });

  it('suggests the catalogue tags with their types and the default tags', async () => {
    stubTags();
    renderBranch(plan);
    await waitFor(() => expect(document.querySelector('datalist option[value="tags.signup_day"]')?.getAttribute('label')).toBe('date'));
    expect(document.querySelector('datalist option[value="user.lastSeenAt"]')).not.toBeNull();
  });
});
