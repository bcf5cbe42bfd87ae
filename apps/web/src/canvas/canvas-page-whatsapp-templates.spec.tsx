import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import { eventsApi } from '../api/events-api';
import { journeysApi } from '../api/journeys-api';
import { usersApi } from '../api/users-api';
import { type WhatsAppTemplate, whatsAppTemplatesApi } from '../api/whatsapp-templates-api';
import { journeyDetail, omnichannel } from '../testing/journey-fixtures';
import { CanvasPage } from './CanvasPage';

// The example journey: its step "Promo on WhatsApp" sends promo_offer (en) with one body parameter.
const detail = journeyDetail(omnichannel(), { entryEvents: ['Purchase'] });

function promoOffer(template: Partial<WhatsAppTemplate>): WhatsAppTemplate {
  return { name: 'promo_offer', language: 'en', status: 'approved', statusReason: null, components: [{ type: 'BODY', text: 'Hi {{1}}, 20% off today.' }], ...template };
}

const PAUSED = 'template "promo_offer" (en) is not approved (paused: Low quality)';

beforeEach(() => {
  vi.spyOn(journeysApi, 'get').mockResolvedValue(structuredClone(detail));
  vi.spyOn(journeysApi, 'update').mockImplementation((_id, request) => Promise.resolve({ ...detail, graph: request.graph ?? detail.graph }));
  vi.spyOn(eventsApi, 'names').mockResolvedValue([]);
  vi.spyOn(usersApi, 'get').mockRejectedValue(new ApiError(404, undefined, 'Not found'));
});

afterEach(() => vi.restoreAllMocks());

/** Renders the page and waits until the journey is on it and the templates were answered. */
async function renderCanvas(): Promise<HTMLElement> {
  const { container } = render(<CanvasPage journeyId="j1" />);
  await screen.findByRole('main', { name: 'Journey Promo' });
  await waitFor(() => expect(whatsAppTemplatesApi.list).toHaveBeenCalledTimes(1));
  // Let the answer (or the failure) settle into the page.
  await waitFor(() => Promise.resolve());
  return container;
}

function problemMessages(): string[] {
  const list = screen.queryByRole('list', { name: 'Problems' });
  return list === null ? [] : within(list).getAllByRole('listitem').map((item) => item.textContent ?? '');
}

function publishButton(): HTMLButtonElement {
  return screen.getByRole<HTMLButtonElement>('button', { name: /^Publish/ });
}

describe('canvas page: WhatsApp templates of the project', () => {
  it('refuses a paused template on the node, in the problems list and the picker, and keeps Publish disabled', async () => {
    vi.spyOn(whatsAppTemplatesApi, 'list').mockResolvedValue([promoOffer({ status: 'paused', statusReason: 'Low quality' })]);
    const container = await renderCanvas();

    await waitFor(() => expect(problemMessages()).toEqual([`ErrorWhatsApp “Promo on WhatsApp”: ${PAUSED}`]));
    const card = container.querySelector<HTMLElement>('.node-card[data-node-id="whatsapp"]')!;
    expect(card.classList.contains('node-card--error')).toBe(true);
    expect(within(card).getByRole('tooltip', { hidden: true }).textContent).toContain(`Template ${PAUSED.slice('template '.length)}`);
    expect(screen.queryByText('Ready to publish')).toBeNull();
    expect(publishButton().disabled).toBe(true);

    // The step's panel shows the problem under its template picker, which lists the page's templates.
    fireEvent.click(within(screen.getByRole('list', { name: 'Problems' })).getByRole('button'));
    const picker = await screen.findByLabelText('Template');
    const paused = within(picker).getByRole<HTMLOptionElement>('option', { name: 'promo_offer · en (paused)' });
    expect(paused.disabled).toBe(true);
    const underPicker = document.querySelector('.field-problems__item');
    expect(underPicker?.textContent).toBe('Template "promo_offer" (en) is not approved (paused: Low quality)');
    expect(whatsAppTemplatesApi.list).toHaveBeenCalledTimes(1);
  });

  it('finds no template problem once the template is approved and given its parameters', async () => {
    vi.spyOn(whatsAppTemplatesApi, 'list').mockResolvedValue([promoOffer({})]);
    await renderCanvas();
    expect(await screen.findByText('Ready to publish')).toBeTruthy();
    expect(problemMessages()).toEqual([]);
    expect(publishButton().disabled).toBe(false);
  });

  it('refuses an approved template given fewer parameters than it has placeholders', async () => {
    vi.spyOn(whatsAppTemplatesApi, 'list').mockResolvedValue([promoOffer({ components: [{ type: 'BODY', text: 'Hi {{1}}, use {{2}}.' }] })]);
    await renderCanvas();
    await waitFor(() =>
      expect(problemMessages()).toEqual(['ErrorWhatsApp “Promo on WhatsApp”: template "promo_offer" (en) has 2 body parameters, the node gives 1']),
    );
    expect(publishButton().disabled).toBe(true);
  });

  it('leaves the template checks to publishing when the templates cannot be loaded', async () => {
    vi.spyOn(whatsAppTemplatesApi, 'list').mockRejectedValue(new ApiError(500, undefined, 'Server error'));
    await renderCanvas();
    expect(await screen.findByText('Ready to publish')).toBeTruthy();
    expect(publishButton().disabled).toBe(false);
  });
});
