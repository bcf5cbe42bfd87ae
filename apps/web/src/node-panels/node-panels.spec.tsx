import { type JourneyGraph } from '@engine/journey';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { graphOf, omnichannel } from '../testing/journey-fixtures';
import { renderInEditor } from '../testing/render-in-editor';
import { NodePanel } from './NodePanel';

function nodeData(graph: JourneyGraph, id: string): unknown {
  return graph.nodes.find((node) => node.id === id)?.data;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('push panel', () => {
  it('edits the title and renders the preview with sample tags or the defaults', () => {
    const { store } = renderInEditor(<NodePanel nodeId="push" />, omnichannel());
    const title = screen.getByLabelText('Title');
    expect(title).toHaveProperty('value', 'Your promo is here');
    fireEvent.change(title, { target: { value: 'Hi {{tags.first_name|friend}}!' } });
    expect(nodeData(store.getState().graph, 'push')).toMatchObject({ title: 'Hi {{tags.first_name|friend}}!' });

    const preview = screen.getByRole('region', { name: 'Preview' });
    expect(within(preview).getByText('Hi Ana!')).toBeTruthy();
    expect(within(preview).getByText('Hi Ana, open the app for 20% off today.')).toBeTruthy();
    fireEvent.click(within(preview).getByRole('radio', { name: 'No tags' }));
    expect(within(preview).getByText('Hi friend!')).toBeTruthy();
    expect(within(preview).getByText('Hi there, open the app for 20% off today.')).toBeTruthy();
  });

  it('shows the validator problem under the field it concerns', async () => {
    renderInEditor(<NodePanel nodeId="push" />, omnichannel());
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Text'), { target: { value: '' } });
    expect(await screen.findByText('The push has neither a title nor a text; write at least one.')).toBeTruthy();
    expect(screen.getByLabelText('Text').getAttribute('aria-invalid')).toBe('true');
  });

  it('is read-only on a live version', () => {
    renderInEditor(<NodePanel nodeId="push" />, omnichannel(), { readOnly: true });
    expect(screen.getByLabelText('Title').matches(':disabled')).toBe(true);
    expect(screen.queryByRole('button', { name: 'Delete step' })).toBeNull();
  });
});

describe('engagement check panel', () => {
  it('offers the messages sent before it and the metrics their channel reports', () => {
    const { store } = renderInEditor(<NodePanel nodeId="email-opened" />, omnichannel());
    const message = screen.getByLabelText('Message to check');
    const earlier = within(message).getByRole('group', { name: 'Earlier on this path' });
    expect(within(earlier).getAllByRole('option').map((option) => option.textContent)).toEqual(['Email “Promo email”', 'Push “Promo push”']);
    const metric = screen.getByLabelText('Was it');
    expect(within(metric).getAllByRole('option').map((option) => option.textContent)).toEqual(['Opened', 'Clicked']);

    fireEvent.change(message, { target: { value: 'push' } });
    expect(nodeData(store.getState().graph, 'email-opened')).toEqual({ sendNodeId: 'push', metric: 'opened', window: '4h' });
    expect(within(screen.getByLabelText('Was it')).getAllByRole('option').map((option) => option.textContent)).toEqual(['Opened']);
  });

  it('reads durations back and flags text that is not one', () => {
    const { store } = renderInEditor(<NodePanel nodeId="push-opened" />, omnichannel());
    expect(screen.getByText('= 4 h')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Within'), { target: { value: '1h30m' } });
    expect(screen.getByText('= 1 h 30 min')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Within'), { target: { value: 'four hours' } });
    expect(screen.getByText(/Not a duration/)).toBeTruthy();
    expect(nodeData(store.getState().graph, 'push-opened')).toMatchObject({ window: 'fourhours' });
  });
});

describe('entry on event panel', () => {
  it('edits the filter as condition rows and reads it back', () => {
    const { store } = renderInEditor(<NodePanel nodeId="entry" />, omnichannel());
    expect(screen.getByLabelText('Event')).toHaveProperty('value', 'PW_WhatsAppReceived');
    expect(screen.getByLabelText('Field')).toHaveProperty('value', 'event.text');
    expect(screen.getByLabelText('Operator')).toHaveProperty('value', 'matches');
    expect(screen.getByLabelText('Value')).toHaveProperty('value', 'promo');
    expect(screen.getByText('event.text matches "promo"')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '+ Condition' }));
    expect(nodeData(store.getState().graph, 'entry')).toEqual({
      event: 'PW_WhatsAppReceived',
      where: { and: [{ field: 'event.text', op: 'matches', value: 'promo' }, { field: 'event.text', op: 'eq', value: '' }] },
    });

    const [, secondField] = screen.getAllByLabelText('Field');
    fireEvent.change(secondField, { target: { value: 'tags.plan' } });
    const [, secondOperator] = screen.getAllByLabelText('Operator');
    fireEvent.change(secondOperator, { target: { value: 'in' } });
    const [, secondValue] = screen.getAllByLabelText('Value');
    fireEvent.change(secondValue, { target: { value: 'pro, team, 3' } });
    fireEvent.change(screen.getByLabelText('How the conditions combine'), { target: { value: 'or' } });
    expect(nodeData(store.getState().graph, 'entry')).toEqual({
      event: 'PW_WhatsAppReceived',
      where: { or: [{ field: 'event.text', op: 'matches', value: 'promo' }, { field: 'tags.plan', op: 'in', value: ['pro', 'team', 3] }] },
    });
    expect(screen.getByText('event.text matches "promo" or tags.plan is one of "pro", "team", 3')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Remove all' }));
    expect(nodeData(store.getState().graph, 'entry')).toEqual({ event: 'PW_WhatsAppReceived' });
    expect(screen.getByRole('button', { name: '+ Add condition' })).toBeTruthy();
  });
});

describe('WhatsApp panel', () => {
  it('falls back to a typed template name when the template route does not exist, and branches on replies', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response(JSON.stringify({ statusCode: 404, message: 'Cannot GET' }), { status: 404 }))));
    const { store } = renderInEditor(<NodePanel nodeId="whatsapp" />, omnichannel());
    expect(await screen.findByText(/Type the name of an approved template/)).toBeTruthy();
    expect(screen.getByLabelText('Template name')).toHaveProperty('value', 'promo_offer');
    expect(screen.getByLabelText('{{1}}')).toHaveProperty('value', '{{tags.first_name|there}}');

    fireEvent.click(screen.getByLabelText("Branch on the user's reply"));
    const data = nodeData(store.getState().graph, 'whatsapp');
    expect(data).toMatchObject({ quickReplies: [{ id: 'r1', text: 'Yes' }, { id: 'r2', text: 'No' }], replyWindow: '1d' });
    // Its "next" connection went with the handle it left through.
    expect(store.getState().graph.edges.some((edge) => edge.source === 'whatsapp')).toBe(false);
  });

  it('picks a template from the list when the route answers', async () => {
    const templates = [
      { name: 'promo_offer', language: 'en', status: 'APPROVED', components: [{ type: 'BODY', text: 'Hi {{1}}, your code is {{2}}' }] },
      { name: 'support_help', language: 'en', status: 'APPROVED', components: [{ type: 'BODY', text: 'How can we help?' }] },
    ];
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response(JSON.stringify(templates), { status: 200 }))));
    const { store } = renderInEditor(<NodePanel nodeId="whatsapp" />, omnichannel());
    const picker = await screen.findByLabelText('Template');
    await waitFor(() => expect(within(picker).getAllByRole('option').length).toBe(3));
    expect(screen.getByText('Hi {{1}}, your code is {{2}}')).toBeTruthy();
    expect(screen.getByLabelText('{{2}}')).toHaveProperty('value', '');
    fireEvent.change(picker, { target: { value: 'support_help\u0000en' } });
    expect(nodeData(store.getState().graph, 'whatsapp')).toMatchObject({ template: { name: 'support_help', language: 'en' } });
  });

  it('asks for a value per header and body parameter, labelled as the template names them', async () => {
    const templates = [
      {
        name: 'promo_offer',
        language: 'en',
        status: 'approved',
        components: [
          { type: 'HEADER', format: 'TEXT', text: 'For {{1}}' },
          { type: 'BODY', text: 'Hi {{first_name}}, {{code}} is yours, {{first_name}}' },
        ],
      },
    ];
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response(JSON.stringify(templates), { status: 200 }))));
    const { store } = renderInEditor(<NodePanel nodeId="whatsapp" />, omnichannel());
    fireEvent.change(await screen.findByLabelText('Header {{1}}'), { target: { value: '{{tags.first_name}}' } });
    expect(screen.getByLabelText('{{first_name}}')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('{{code}}'), { target: { value: 'SPRING' } });
    expect(nodeData(store.getState().graph, 'whatsapp')).toMatchObject({
      template: { name: 'promo_offer', headerParameters: ['{{tags.first_name}}'], bodyParameters: ['{{tags.first_name|there}}', 'SPRING'] },
    });
  });
});

describe('WhatsApp panel: media headers', () => {
  it("asks for the header image of a template whose header is an image, by link or by Meta's media id", async () => {
    const templates = [{ name: 'promo_offer', language: 'en', status: 'approved', components: [{ type: 'HEADER', format: 'IMAGE' }, { type: 'BODY', text: 'Hi {{1}}, your code is {{2}}' }] }];
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response(JSON.stringify(templates), { status: 200 }))));
    const { store } = renderInEditor(<NodePanel nodeId="whatsapp" />, omnichannel());
    fireEvent.change(await screen.findByLabelText('Header image link'), { target: { value: 'https://cdn.example.com/{{tags.plan}}.jpg' } });
    expect(nodeData(store.getState().graph, 'whatsapp')).toMatchObject({ template: { name: 'promo_offer', headerMedia: { type: 'image', link: 'https://cdn.example.com/{{tags.plan}}.jpg' } } });
    fireEvent.click(screen.getByRole('radio', { name: 'Media id' }));
    fireEvent.change(screen.getByLabelText('Header image media id'), { target: { value: '1013859600285441' } });
    expect(nodeData(store.getState().graph, 'whatsapp')).toMatchObject({ template: { headerMedia: { type: 'image', id: '1013859600285441' } } });
  });
});

describe('A/B split panel', () => {
  it('keeps the percentages summing to 100 when adding a variant', () => {
    const { store } = renderInEditor(
      <NodePanel nodeId="split" />,
      graphOf({ id: 'split', type: 'branch.split', position: { x: 0, y: 0 }, data: { variants: [{ id: 'a', label: 'A', percent: 50 }, { id: 'b', label: 'B', percent: 50 }] } }),
    );
    expect(screen.getByRole('status').textContent).toBe('Total 100%');
    fireEvent.click(screen.getByRole('button', { name: '+ Variant' }));
    expect(nodeData(store.getState().graph, 'split')).toEqual({
      variants: [
        { id: 'a', label: 'A', percent: 34 },
        { id: 'b', label: 'B', percent: 33 },
        { id: 'c', label: 'C', percent: 33 },
      ],
    });
    fireEvent.change(screen.getByLabelText('Percent of variant A'), { target: { value: '50' } });
    expect(screen.getByRole('status').textContent).toBe('Total 116% — must be 100%');
  });
});

describe('wait panel', () => {
  it('switches to a time of day on weekdays', () => {
    const { store } = renderInEditor(<NodePanel nodeId="wait" />, graphOf({ id: 'wait', type: 'wait.delay', position: { x: 0, y: 0 }, data: { mode: 'duration', duration: '4h' } }));
    fireEvent.change(screen.getByLabelText('Wait'), { target: { value: 'timeOfDay' } });
    fireEvent.click(screen.getByRole('button', { name: 'Saturday' }));
    fireEvent.click(screen.getByRole('button', { name: 'Sunday' }));
    expect(nodeData(store.getState().graph, 'wait')).toEqual({ mode: 'timeOfDay', time: '09:00', weekdays: [1, 2, 3, 4, 5] });
  });
});

describe('node panel', () => {
  it('renames the step and deletes it', async () => {
    const { store } = renderInEditor(<NodePanel nodeId="email" />, omnichannel());
    fireEvent.change(screen.getByLabelText('Name on the canvas'), { target: { value: 'Fallback email' } });
    expect(store.getState().graph.nodes.find((node) => node.id === 'email')?.label).toBe('Fallback email');
    act(() => store.getState().select(['email']));
    fireEvent.click(screen.getByRole('button', { name: 'Delete step' }));
    await waitFor(() => expect(store.getState().graph.nodes.some((node) => node.id === 'email')).toBe(false));
  });

  it('focuses the first field of a step just added from the palette', () => {
    const graph = graphOf({ id: 'entry', type: 'entry.event', position: { x: 0, y: 0 }, data: { event: 'Signup' } });
    const { store } = renderInEditor(<NodePanel nodeId="push" />, graph);
    act(() => {
      store.getState().select(['entry']);
      store.getState().addNodeOfType('send.push', { x: 0, y: 0 });
    });
    expect(document.activeElement).toBe(screen.getByLabelText('Title'));
  });
});
