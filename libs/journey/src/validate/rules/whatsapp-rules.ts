import { type JourneyGraphView } from '../graph-view';
import { type JourneyProblem } from '../problem';
import { nodeProblem } from './make-problem';

/**
 * A WhatsApp step has what its mode needs (an approved template, or text), quick replies with
 * distinct ids and a reply window, and a warning when plain text may fall outside the 24-hour
 * window WhatsApp allows after the user's last message.
 */
export function whatsAppRules(view: JourneyGraphView): JourneyProblem[] {
  const problems: JourneyProblem[] = [];
  const startsFromInboundMessage =
    view.entries.length > 0 &&
    view.entries.every((entry) => entry.node?.type === 'entry.event' && entry.node.data.event === 'PW_WhatsAppReceived');
  for (const step of view.nodes) {
    if (step.node?.type !== 'send.whatsapp') continue;
    const { mode, template, text, quickReplies = [], replyWindow } = step.node.data;
    if (mode === 'text') {
      if (isBlank(text)) {
        problems.push(nodeProblem(step, 'whatsapp-text-missing', 'the message text is empty; write the text to send.', { field: 'data.text' }));
      }
      if (!startsFromInboundMessage) {
        problems.push(
          nodeProblem(
            step,
            'whatsapp-text-window',
            'plain text is only delivered within 24 hours of the user\'s last WhatsApp message, and this journey does not start from one (PW_WhatsAppReceived). Use an approved template unless users are sure to have written recently.',
            { severity: 'warning', field: 'data.mode' },
          ),
        );
      }
    }
    if (mode === 'template') {
      if (template === undefined) {
        problems.push(
          nodeProblem(step, 'whatsapp-template-missing', 'no template is chosen; choose an approved WhatsApp template.', { field: 'data.template' }),
        );
      } else {
        if (isBlank(template.name)) {
          problems.push(
            nodeProblem(step, 'whatsapp-template-name-missing', 'the template name is empty; choose an approved WhatsApp template.', {
              field: 'data.template.name',
            }),
          );
        }
        if (isBlank(template.language)) {
          problems.push(
            nodeProblem(step, 'whatsapp-template-language-missing', 'the template language is empty; choose the language of the approved template (e.g. en_US).', {
              field: 'data.template.language',
            }),
          );
        }
      }
    }
    if (quickReplies.length > 0 && replyWindow === undefined) {
      problems.push(
        nodeProblem(step, 'whatsapp-reply-window-missing', 'it waits for quick replies but has no reply window; set how long to wait for a reply.', {
          field: 'data.replyWindow',
        }),
      );
    }
    const ids = new Set<string>();
    quickReplies.forEach((reply, index) => {
      if (ids.has(reply.id)) {
        problems.push(
          nodeProblem(step, 'whatsapp-duplicate-reply-id', `two quick replies use the id "${reply.id}"; each reply needs its own id.`, {
            field: `data.quickReplies[${index}].id`,
          }),
        );
      }
      ids.add(reply.id);
      if (isBlank(reply.text)) {
        problems.push(
          nodeProblem(step, 'whatsapp-reply-text-missing', `quick reply "${reply.id}" has no text to match the user's reply against.`, {
            field: `data.quickReplies[${index}].text`,
          }),
        );
      }
    });
  }
  return problems;
}

function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}
