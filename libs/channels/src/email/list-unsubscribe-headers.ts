/** RFC 2369 List-Unsubscribe with RFC 8058 one-click, when there is an unsubscribe URL. */
export function listUnsubscribeHeaders(unsubscribeUrl: string | undefined, mailto: string | undefined): Record<string, string> {
  const targets = [unsubscribeUrl, mailto && (mailto.startsWith('mailto:') ? mailto : `mailto:${mailto}`)].filter((target): target is string => Boolean(target));
  if (targets.length === 0) return {};
  return {
    'List-Unsubscribe': targets.map((target) => `<${target}>`).join(', '),
    ...(unsubscribeUrl ? { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}),
  };
}
