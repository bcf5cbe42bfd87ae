import fc from 'fast-check';
import { listPlaceholders, renderHtmlTemplate, renderTemplate, type TemplateScope } from './render-template';

const scope: TemplateScope = {
  tags: {
    first_name: 'Ana',
    empty: '',
    cleared: null,
    points: 120,
    vip: false,
    address: { city: 'Berlin' },
    list: ['a', 1],
    evil: '<script>alert("x") & \'y\'</script>',
  },
  event: { text: 'I need help', amount: 9.5 },
  user: { id: 'u1', email: 'ana@example.com', language: 'de' },
};

describe('renderTemplate', () => {
  it('fills tags, event attributes and profile fields', () => {
    expect(renderTemplate('Hi {{tags.first_name}}, you said "{{event.text}}" ({{user.email}})', scope)).toBe(
      'Hi Ana, you said "I need help" (ana@example.com)',
    );
    expect(renderTemplate('{{tags.address.city}} {{user.id}} {{user.language}}', scope)).toBe('Berlin u1 de');
  });

  it('allows spaces inside the braces', () => {
    expect(renderTemplate('Hi {{ tags.first_name }}!', scope)).toBe('Hi Ana!');
    expect(renderTemplate('Hi {{  tags.nope  |  dear friend  }}!', scope)).toBe('Hi dear friend!');
  });

  it('uses the default for a missing, null or empty value', () => {
    expect(renderTemplate('Hi {{tags.nope|there}}', scope)).toBe('Hi there');
    expect(renderTemplate('Hi {{tags.cleared|there}}', scope)).toBe('Hi there');
    expect(renderTemplate('Hi {{tags.empty|there}}', scope)).toBe('Hi there');
    expect(renderTemplate('Hi {{tags.first_name|there}}', scope)).toBe('Hi Ana');
    expect(renderTemplate('{{tags.vip|yes}} {{tags.points|0}}', scope)).toBe('false 120');
    expect(renderTemplate('[{{tags.nope|}}]', scope)).toBe('[]');
  });

  it('renders nothing for a missing value without a default', () => {
    expect(renderTemplate('Hi {{tags.nope}}!', scope)).toBe('Hi !');
    expect(renderTemplate('{{event.nope}}{{user.phone}}{{user.reachable}}', scope)).toBe('');
  });

  it('renders numbers, booleans and JSON for objects and arrays', () => {
    expect(renderTemplate('{{tags.points}} {{event.amount}} {{tags.vip}}', scope)).toBe('120 9.5 false');
    expect(renderTemplate('{{tags.address}} {{tags.list}}', scope)).toBe('{"city":"Berlin"} ["a",1]');
  });

  it('leaves unknown roots and malformed placeholders as written', () => {
    expect(renderTemplate('{{profile.name}} {{first_name}} {{ }} {{tags}} {{tags.}}', scope)).toBe(
      '{{profile.name}} {{first_name}} {{ }} {{tags}} {{tags.}}',
    );
    expect(renderTemplate('{ {tags.first_name} } {{tags.first_name}', scope)).toBe(
      '{ {tags.first_name} } {{tags.first_name}',
    );
  });

  it('does not escape HTML', () => {
    expect(renderTemplate('{{tags.evil}}', scope)).toBe('<script>alert("x") & \'y\'</script>');
  });

  it('copes with a missing scope part', () => {
    expect(renderTemplate('{{event.text|none}}', { ...scope, event: undefined } as unknown as TemplateScope)).toBe(
      'none',
    );
  });

  it('never throws and leaves text without placeholders alone', () => {
    fc.assert(
      fc.property(fc.string(), fc.anything(), (text, anyScope) => {
        const rendered = renderTemplate(text, anyScope as TemplateScope);
        expect(typeof rendered).toBe('string');
        if (!text.includes('{{')) expect(rendered).toBe(text);
      }),
    );
    fc.assert(
      fc.property(fc.anything(), (text) => {
        expect(typeof renderTemplate(text as string, scope)).toBe('string');
      }),
    );
  });

  it('is fast on pathological input', () => {
    const started = Date.now();
    renderTemplate(`{{${' '.repeat(50_000)}`, scope);
    renderTemplate('{{'.repeat(50_000), scope);
    renderTemplate(`{{tags.a|${'x'.repeat(50_000)}`, scope);
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe('renderHtmlTemplate', () => {
  it('escapes substituted values and defaults, not the template', () => {
    expect(renderHtmlTemplate('<p>{{tags.evil}}</p>', scope)).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;</p>',
    );
    expect(renderHtmlTemplate('<b>{{tags.nope|Tom & Jerry}}</b>', scope)).toBe('<b>Tom &amp; Jerry</b>');
    expect(renderHtmlTemplate('<b>{{tags.first_name}}</b>', scope)).toBe('<b>Ana</b>');
    expect(renderHtmlTemplate('{{tags.address}}', scope)).toBe('{&quot;city&quot;:&quot;Berlin&quot;}');
  });
});

describe('listPlaceholders', () => {
  it('lists each path once, in order, defaults stripped', () => {
    expect(
      listPlaceholders('Hi {{ tags.first_name | there }}, {{event.text}} {{tags.first_name}} {{profile.x}} {{ }}'),
    ).toEqual(['tags.first_name', 'event.text', 'profile.x']);
    expect(listPlaceholders('no placeholders')).toEqual([]);
    expect(listPlaceholders(undefined as unknown as string)).toEqual([]);
  });
});
