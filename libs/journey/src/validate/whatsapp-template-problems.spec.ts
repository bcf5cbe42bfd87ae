import { type WhatsAppTemplateRef } from '../format/journey-graph';
import { buildGraph, chain, entryEventNode, exitNode, whatsAppNode } from '../testing/graph-builder';
import {
  type RegisteredWhatsAppTemplate,
  whatsAppTemplateNames,
  whatsAppTemplateParameterCount,
  whatsAppTemplatePlaceholders,
  whatsAppTemplateProblems,
} from './whatsapp-template-problems';

/** A journey whose WhatsApp step "Offer" sends `template`. */
function sending(template: WhatsAppTemplateRef) {
  return buildGraph([entryEventNode('start'), whatsAppNode('offer', { template }, { label: 'Offer' }), exitNode('done')], chain('start', 'offer', 'done'));
}

const OFFER: RegisteredWhatsAppTemplate = {
  name: 'promo_offer',
  language: 'en',
  status: 'approved',
  statusReason: null,
  components: [
    { type: 'HEADER', text: 'For {{1}}' },
    { type: 'BODY', text: 'Hi {{1}}, use {{2}} ({{1}})' },
  ],
};
const SUBJECT = 'Node "Offer" (Send WhatsApp): template "promo_offer" (en)';
const MATCHING: WhatsAppTemplateRef = { name: 'promo_offer', language: 'en', headerParameters: ['Ana'], bodyParameters: ['Ana', 'SPRING'] };

function refusal(reason: string) {
  return { severity: 'error', code: 'whatsapp-template-not-approved', nodeId: 'offer', field: 'data.template.name', message: `${SUBJECT} ${reason}` };
}

describe('whatsAppTemplateProblems', () => {
  it('finds nothing wrong with an approved template given as many parameters as it has placeholders', () => {
    expect(whatsAppTemplateProblems(sending(MATCHING), [OFFER])).toEqual([]);
  });

  it('refuses button payloads for a template without that many quick-reply buttons', () => {
    const withPayloads = (buttonPayloads: string[]) => sending({ ...MATCHING, buttonPayloads });
    expect(whatsAppTemplateProblems(withPayloads(['YES']), [OFFER]).map((problem) => problem.message)).toEqual([
      `${SUBJECT} has no quick-reply buttons, the node gives 1 button payload; remove them`,
    ]);
    const withButtons = { ...OFFER, components: [...OFFER.components, { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY' }, { type: 'URL' }] }] };
    expect(whatsAppTemplateProblems(withPayloads(['YES']), [withButtons])).toEqual([]);
    expect(whatsAppTemplateProblems(withPayloads(['YES', 'NO']), [withButtons])).toMatchObject([
      { code: 'whatsapp-template-buttons', field: 'data.template.buttonPayloads', message: `${SUBJECT} has 1 quick-reply button, the node gives 2 button payloads` },
    ]);
  });

  describe('media headers', () => {
    const BANNER: RegisteredWhatsAppTemplate = {
      name: 'spring_banner',
      language: 'en',
      status: 'approved',
      components: [{ type: 'HEADER', format: 'IMAGE' }, { type: 'BODY', text: 'Spring is here' }],
    };
    const bannerSubject = 'Node "Offer" (Send WhatsApp): template "spring_banner" (en)';
    const problemsOf = (template: Partial<WhatsAppTemplateRef>, registry = [BANNER]) =>
      whatsAppTemplateProblems(sending({ name: 'spring_banner', language: 'en', ...template }), registry).map((problem) => [problem.field, problem.message]);

    it('takes an image header by link (placeholders allowed) or by media id', () => {
      expect(problemsOf({ headerMedia: { type: 'image', link: 'https://cdn.example.com/spring.jpg' } })).toEqual([]);
      expect(problemsOf({ headerMedia: { type: 'image', link: 'https://cdn.example.com/{{tags.plan}}.jpg' } })).toEqual([]);
      expect(problemsOf({ headerMedia: { type: 'image', id: '1013859600285441' } })).toEqual([]);
    });

    it('asks for the media of a media header, of the kind the template declares, by exactly one of link or id', () => {
      expect(problemsOf({})).toEqual([['data.template.headerMedia', `${bannerSubject} has an image header: give the image's link or media id`]]);
      expect(problemsOf({ headerMedia: { type: 'video', link: 'https://cdn.example.com/a.mp4' } })).toEqual([
        ['data.template.headerMedia.type', `${bannerSubject} has an image header, the node gives a video`],
      ]);
      expect(problemsOf({ headerMedia: { type: 'image' } })).toEqual([['data.template.headerMedia.link', `${bannerSubject} needs the image's link or its media id (one of them)`]]);
      expect(problemsOf({ headerMedia: { type: 'image', link: 'https://a.example/x.jpg', id: '1' } })).toEqual([
        ['data.template.headerMedia.link', `${bannerSubject} needs the image's link or its media id (one of them)`],
      ]);
      expect(problemsOf({ headerMedia: { type: 'image', link: 'spring.jpg' } })).toEqual([
        ['data.template.headerMedia.link', `${bannerSubject} header image link "spring.jpg" is not a public http(s) address Meta can fetch`],
      ]);
    });

    it('refuses header media for a template whose header is text or absent', () => {
      expect(problemsOf({ headerMedia: { type: 'document', id: '7' } }, [{ ...BANNER, components: [{ type: 'BODY', text: 'Hi' }] }])).toEqual([
        ['data.template.headerMedia', `${bannerSubject} has no image, video or document header; remove the header document`],
      ]);
    });
  });

  it('takes en-US and en_US for the same language', () => {
    expect(whatsAppTemplateProblems(sending({ ...MATCHING, language: 'en-US' }), [{ ...OFFER, language: 'en_US' }])).toEqual([]);
  });

  it('refuses a template the registry does not have (in that language)', () => {
    const reason = 'is not registered; add it to the WhatsApp templates once Meta has approved it';
    expect(whatsAppTemplateProblems(sending(MATCHING), [])).toEqual([refusal(reason)]);
    expect(whatsAppTemplateProblems(sending({ ...MATCHING, language: 'de' }), [OFFER])).toEqual([
      { ...refusal(reason), message: `Node "Offer" (Send WhatsApp): template "promo_offer" (de) ${reason}` },
    ]);
  });

  it('refuses a template Meta has not approved, with its reason when it gave one', () => {
    const problems = (template: Partial<RegisteredWhatsAppTemplate>) => whatsAppTemplateProblems(sending(MATCHING), [{ ...OFFER, ...template }]);
    expect(problems({ status: 'pending' })).toEqual([refusal('is not approved yet (pending)')]);
    expect(problems({ status: 'rejected' })).toEqual([refusal('is not approved (rejected)')]);
    expect(problems({ status: 'rejected', statusReason: 'INVALID_FORMAT' })).toEqual([refusal('is not approved (rejected: INVALID_FORMAT)')]);
    expect(problems({ status: 'paused', statusReason: 'Low quality' })).toEqual([refusal('is not approved (paused: Low quality)')]);
    expect(problems({ status: 'disabled' })).toEqual([refusal('is not approved (disabled)')]);
  });

  it('takes statuses in any case, as Meta writes them', () => {
    expect(whatsAppTemplateProblems(sending(MATCHING), [{ ...OFFER, status: 'APPROVED' }])).toEqual([]);
    expect(whatsAppTemplateProblems(sending(MATCHING), [{ ...OFFER, status: 'PAUSED' }])).toEqual([refusal('is not approved (paused)')]);
  });

  it('refuses header and body parameters that do not match the placeholders', () => {
    expect(whatsAppTemplateProblems(sending({ name: 'promo_offer', language: 'en', bodyParameters: ['Ana'] }), [OFFER])).toEqual([
      {
        severity: 'error',
        code: 'whatsapp-template-parameters',
        nodeId: 'offer',
        field: 'data.template.headerParameters',
        message: `${SUBJECT} has 1 header parameter, the node gives 0`,
      },
      {
        severity: 'error',
        code: 'whatsapp-template-parameters',
        nodeId: 'offer',
        field: 'data.template.bodyParameters',
        message: `${SUBJECT} has 2 body parameters, the node gives 1`,
      },
    ]);
  });

  it('leaves steps alone that send text, name no template yet, or are not WhatsApp steps, and survives malformed graphs', () => {
    const text = buildGraph([whatsAppNode('offer', { mode: 'text', text: 'Hi', template: MATCHING })], []);
    expect(whatsAppTemplateProblems(text, [])).toEqual([]);
    expect(whatsAppTemplateProblems(sending({ name: ' ', language: 'en' }), [])).toEqual([]);
    for (const graph of [undefined, null, 'graph', { nodes: 'none' }, { nodes: [null, { type: 'send.whatsapp', data: { mode: 'template' } }] }]) {
      expect(whatsAppTemplateProblems(graph, [OFFER])).toEqual([]);
    }
  });

  it('names a step without a label by its id', () => {
    const graph = sending(MATCHING);
    delete graph.nodes[1].label;
    expect(whatsAppTemplateProblems(graph, [])[0].message).toMatch(/^Node "offer" \(Send WhatsApp\): template "promo_offer" \(en\) is not registered/);
  });
});

describe('whatsAppTemplateNames', () => {
  it('lists each template name the graph sends once, trimmed', () => {
    const graph = buildGraph(
      [whatsAppNode('a', { template: { name: ' promo_offer ', language: 'en' } }), whatsAppNode('b', { template: { name: 'promo_offer', language: 'de' } }), whatsAppNode('c', { template: { name: 'help', language: 'en' } })],
      [],
    );
    expect(whatsAppTemplateNames(graph)).toEqual(['promo_offer', 'help']);
    expect(whatsAppTemplateNames({})).toEqual([]);
  });
});

describe('whatsAppTemplateParameterCount', () => {
  it('counts distinct numbered and named placeholders of the component', () => {
    const components = [
      { type: 'HEADER', text: 'No parameters' },
      { type: 'body', text: '{{1}}, {{ 2 }} and {{1}} for {{first_name}}' },
    ];
    expect(whatsAppTemplateParameterCount(components, 'BODY')).toBe(3);
    expect(whatsAppTemplateParameterCount(components, 'HEADER')).toBe(0);
    expect(whatsAppTemplateParameterCount([{ type: 'HEADER' }], 'HEADER')).toBe(0);
  });

  it("lists a text's parameters once each: positional ones in number order, named ones as they appear", () => {
    expect(whatsAppTemplatePlaceholders([{ type: 'BODY', text: 'Hi {{2}}, {{1}} and {{2}} again' }], 'BODY')).toEqual(['1', '2']);
    expect(whatsAppTemplatePlaceholders([{ type: 'header', text: 'For {{ first_name }} on {{day}}' }], 'HEADER')).toEqual(['first_name', 'day']);
    expect(whatsAppTemplatePlaceholders([{ type: 'BODY', text: 'No parameters' }], 'HEADER')).toEqual([]);
  });
});
