import { type JourneyNode } from '../../format/journey-graph';
import {
  buildGraph,
  chain,
  emailNode,
  entryEventNode,
  exitNode,
  pushNode,
  smsNode,
  updateTagsNode,
  webhookNode,
} from '../../testing/graph-builder';
import { validateJourney } from '../validate-journey';

function problemsOf(step: JourneyNode) {
  return validateJourney(buildGraph([entryEventNode('start'), step, exitNode('done')], chain('start', step.id, 'done'))).problems;
}

describe('content rules', () => {
  it('reports a push with neither title nor text, and accepts either alone', () => {
    expect(problemsOf(pushNode('push', { title: '', body: ' ' }))).toEqual([
      {
        severity: 'error',
        code: 'push-content-missing',
        message: 'Node "push" (Send push): the push has neither a title nor a text; write at least one.',
        nodeId: 'push',
        field: 'data.body',
      },
    ]);
    expect(problemsOf(pushNode('push', { title: 'Hi', body: '' }))).toEqual([]);
    expect(problemsOf(pushNode('push', { title: '', body: 'Hi' }))).toEqual([]);
  });

  it('reports an email without subject or content', () => {
    expect(problemsOf(emailNode('mail', { subject: '', html: '' }))).toEqual([
      {
        severity: 'error',
        code: 'email-subject-missing',
        message: 'Node "mail" (Send email): the email has no subject; write one.',
        nodeId: 'mail',
        field: 'data.subject',
      },
      {
        severity: 'error',
        code: 'email-html-missing',
        message: 'Node "mail" (Send email): the email has no content; write or paste its HTML.',
        nodeId: 'mail',
        field: 'data.html',
      },
    ]);
  });

  it('reports an empty SMS', () => {
    expect(problemsOf(smsNode('sms', { text: '' }))).toEqual([
      {
        severity: 'error',
        code: 'sms-text-missing',
        message: 'Node "sms" (Send SMS): the SMS text is empty; write the text to send.',
        nodeId: 'sms',
        field: 'data.text',
      },
    ]);
  });

  it('reports a webhook URL that is not http(s), and accepts placeholders in it', () => {
    expect(problemsOf(webhookNode('hook', { url: 'ftp://example.com/x' }))).toEqual([
      {
        severity: 'error',
        code: 'webhook-url-invalid',
        message: 'Node "hook" (Call webhook): "ftp://example.com/x" is not a web address; write a URL starting with https:// or http://.',
        nodeId: 'hook',
        field: 'data.url',
      },
    ]);
    expect(problemsOf(webhookNode('hook', { url: 'example.com' })).map((problem) => problem.code)).toEqual(['webhook-url-invalid']);
    expect(problemsOf(webhookNode('hook', { url: 'https://' })).map((problem) => problem.code)).toEqual(['webhook-url-invalid']);
    expect(problemsOf(webhookNode('hook', { url: 'https://{{tags.shop}}.example.com/users/{{user.id}}?a=1' }))).toEqual([]);
    expect(problemsOf(webhookNode('hook', { url: 'http://localhost:8080/hook' }))).toEqual([]);
  });

  it('reports a webhook timeout below 1 ms', () => {
    expect(problemsOf(webhookNode('hook', { timeoutMs: 0 }))).toEqual([
      {
        severity: 'error',
        code: 'webhook-timeout-invalid',
        message: 'Node "hook" (Call webhook): the timeout of 0 ms is too short; give it at least 1 ms.',
        nodeId: 'hook',
        field: 'data.timeoutMs',
      },
    ]);
  });

  it('reports a tag update without a tag', () => {
    expect(problemsOf(updateTagsNode('tags', { operations: [{ op: 'set', tag: 'ok', value: 1 }, { op: 'increment', tag: '' }] }))).toEqual([
      {
        severity: 'error',
        code: 'update-tags-tag-missing',
        message: 'Node "tags" (Update tags): update 2 names no tag; choose the tag to increment.',
        nodeId: 'tags',
        field: 'data.operations[1].tag',
      },
    ]);
  });
});
