import { type JourneyGraphView } from '../graph-view';
import { type JourneyProblem } from '../problem';
import { nodeProblem } from './make-problem';

// Placeholders may stand anywhere in a URL, even in the host: `https://{{tags.shop}}.example.com`.
const PLACEHOLDER = /\{\{[^}]*\}\}/g;

/** Messages have something to say, webhooks somewhere to call, tag updates a tag. */
export function contentRules(view: JourneyGraphView): JourneyProblem[] {
  const problems: JourneyProblem[] = [];
  for (const step of view.nodes) {
    const typed = step.node;
    switch (typed?.type) {
      case 'send.push':
        if (isBlank(typed.data.title) && isBlank(typed.data.body)) {
          problems.push(nodeProblem(step, 'push-content-missing', 'the push has neither a title nor a text; write at least one.', { field: 'data.body' }));
        }
        break;
      case 'send.email':
        if (isBlank(typed.data.subject)) {
          problems.push(nodeProblem(step, 'email-subject-missing', 'the email has no subject; write one.', { field: 'data.subject' }));
        }
        if (isBlank(typed.data.html)) {
          problems.push(nodeProblem(step, 'email-html-missing', 'the email has no content; write or paste its HTML.', { field: 'data.html' }));
        }
        break;
      case 'send.sms':
        if (isBlank(typed.data.text)) {
          problems.push(nodeProblem(step, 'sms-text-missing', 'the SMS text is empty; write the text to send.', { field: 'data.text' }));
        }
        break;
      case 'send.webhook':
        if (!isHttpUrl(typed.data.url)) {
          problems.push(
            nodeProblem(step, 'webhook-url-invalid', `"${typed.data.url}" is not a web address; write a URL starting with https:// or http://.`, {
              field: 'data.url',
            }),
          );
        }
        if (typed.data.timeoutMs !== undefined && typed.data.timeoutMs < 1) {
          problems.push(
            nodeProblem(step, 'webhook-timeout-invalid', `the timeout of ${typed.data.timeoutMs} ms is too short; give it at least 1 ms.`, {
              field: 'data.timeoutMs',
            }),
          );
        }
        break;
      case 'update.tags':
        typed.data.operations.forEach((operation, index) => {
          if (isBlank(operation.tag)) {
            problems.push(
              nodeProblem(step, 'update-tags-tag-missing', `update ${index + 1} names no tag; choose the tag to ${operation.op}.`, {
                field: `data.operations[${index}].tag`,
              }),
            );
          }
        });
        break;
      default:
        break;
    }
  }
  return problems;
}

function isHttpUrl(url: string): boolean {
  const trimmed = url.trim();
  if (!/^https?:\/\/\S+$/i.test(trimmed)) return false;
  try {
    const parsed = new URL(trimmed.replace(PLACEHOLDER, 'placeholder'));
    return parsed.hostname !== '';
  } catch {
    return false;
  }
}

function isBlank(text: string): boolean {
  return text.trim() === '';
}
