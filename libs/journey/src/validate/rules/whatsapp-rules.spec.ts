import { type SendWhatsAppData } from '../../format/journey-graph';
import { buildGraph, chain, edge, entryEventNode, exitNode, makeNode } from '../../testing/graph-builder';
import { validateJourney } from '../validate-journey';

/** start -> wa -> done, with wa's data replaced (not merged) and its handles connected. */
function whatsApp(data: SendWhatsAppData, entryEvent = 'signup') {
  const node = makeNode('send.whatsapp', 'wa', {}, { label: 'Hello' });
  node.data = data;
  const replies = data.quickReplies ?? [];
  const handles = replies.length > 0 ? [...new Set(replies.map((reply) => `reply:${reply.id}`)), 'no_reply'] : ['next'];
  return buildGraph(
    [entryEventNode('start', { event: entryEvent }), node, exitNode('done')],
    [...chain('start', 'wa'), ...handles.map((handle) => edge('wa', 'done', handle))],
  );
}

const TEMPLATE = { name: 'welcome', language: 'en_US' };
const TEXT_WINDOW_WARNING = {
  severity: 'warning',
  code: 'whatsapp-text-window',
  message:
    "Node \"Hello\" (Send WhatsApp): plain text is only delivered within 24 hours of the user's last WhatsApp message, and this journey does not start from one (PW_WhatsAppReceived). Use an approved template unless users are sure to have written recently.",
  nodeId: 'wa',
  field: 'data.mode',
};

describe('WhatsApp rules', () => {
  it('accepts a template, and text in a journey started by an inbound message', () => {
    expect(validateJourney(whatsApp({ mode: 'template', template: TEMPLATE })).problems).toEqual([]);
    expect(validateJourney(whatsApp({ mode: 'text', text: 'Hi!' }, 'PW_WhatsAppReceived')).problems).toEqual([]);
  });

  it('warns that text outside a WhatsApp-started journey may fall outside the 24-hour window', () => {
    const result = validateJourney(whatsApp({ mode: 'text', text: 'Hi!' }));
    expect(result).toEqual({ valid: true, problems: [TEXT_WINDOW_WARNING] });
  });

  it('reports text mode without text', () => {
    expect(validateJourney(whatsApp({ mode: 'text', text: '  ' }, 'PW_WhatsAppReceived')).problems).toEqual([
      {
        severity: 'error',
        code: 'whatsapp-text-missing',
        message: 'Node "Hello" (Send WhatsApp): the message text is empty; write the text to send.',
        nodeId: 'wa',
        field: 'data.text',
      },
    ]);
  });

  it('reports template mode without a template, name or language', () => {
    expect(validateJourney(whatsApp({ mode: 'template' })).problems).toEqual([
      {
        severity: 'error',
        code: 'whatsapp-template-missing',
        message: 'Node "Hello" (Send WhatsApp): no template is chosen; choose an approved WhatsApp template.',
        nodeId: 'wa',
        field: 'data.template',
      },
    ]);
    expect(validateJourney(whatsApp({ mode: 'template', template: { name: '', language: ' ' } })).problems).toEqual([
      {
        severity: 'error',
        code: 'whatsapp-template-name-missing',
        message: 'Node "Hello" (Send WhatsApp): the template name is empty; choose an approved WhatsApp template.',
        nodeId: 'wa',
        field: 'data.template.name',
      },
      {
        severity: 'error',
        code: 'whatsapp-template-language-missing',
        message: 'Node "Hello" (Send WhatsApp): the template language is empty; choose the language of the approved template (e.g. en_US).',
        nodeId: 'wa',
        field: 'data.template.language',
      },
    ]);
  });

  it('reports quick replies without a reply window', () => {
    expect(validateJourney(whatsApp({ mode: 'template', template: TEMPLATE, quickReplies: [{ id: 'yes', text: 'YES' }] })).problems).toEqual([
      {
        severity: 'error',
        code: 'whatsapp-reply-window-missing',
        message: 'Node "Hello" (Send WhatsApp): it waits for quick replies but has no reply window; set how long to wait for a reply.',
        nodeId: 'wa',
        field: 'data.replyWindow',
      },
    ]);
  });

  it('reports duplicate reply ids and replies without text', () => {
    const data: SendWhatsAppData = {
      mode: 'template',
      template: TEMPLATE,
      replyWindow: '1d',
      quickReplies: [
        { id: 'yes', text: 'YES' },
        { id: 'yes', text: '' },
      ],
    };
    expect(validateJourney(whatsApp(data)).problems).toEqual([
      {
        severity: 'error',
        code: 'whatsapp-duplicate-reply-id',
        message: 'Node "Hello" (Send WhatsApp): two quick replies use the id "yes"; each reply needs its own id.',
        nodeId: 'wa',
        field: 'data.quickReplies[1].id',
      },
      {
        severity: 'error',
        code: 'whatsapp-reply-text-missing',
        message: 'Node "Hello" (Send WhatsApp): quick reply "yes" has no text to match the user\'s reply against.',
        nodeId: 'wa',
        field: 'data.quickReplies[1].text',
      },
    ]);
  });
});
