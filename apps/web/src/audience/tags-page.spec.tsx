import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type TagDefinition } from '../api/audience-api';
import { TagsPage } from './TagsPage';

function answer(status: number, body?: unknown): Promise<Response> {
  return Promise.resolve(new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

afterEach(() => vi.unstubAllGlobals());

describe('tags page', () => {
  it('lists the catalogue with types, creates a tag, edits a description and shows a refused type change', async () => {
    let tags: TagDefinition[] = [{ name: 'visits', type: 'integer', description: '', createdAt: '2026-12-03T10:00:00.000Z' }];
    const fetch = vi.fn((url: string, init?: RequestInit) => {
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, string>) : undefined;
      if (init?.method === 'POST') {
        tags = [...tags, { name: body!.name, type: body!.type as TagDefinition['type'], description: body!.description, createdAt: '2026-12-03T10:01:00.000Z' }];
        return answer(201, tags[tags.length - 1]);
      }
      if (init?.method === 'PATCH' && body?.type !== undefined) {
        return answer(409, { statusCode: 409, message: 'The tag "visits" cannot become boolean: 3 users hold values that are not true or false' });
      }
      if (init?.method === 'PATCH') {
        tags = tags.map((tag) => (url.endsWith(`/${tag.name}`) ? { ...tag, description: body!.description } : tag));
        return answer(200, tags[0]);
      }
      return answer(200, tags);
    });
    vi.stubGlobal('fetch', fetch);
    render(<TagsPage />);

    expect(await screen.findByText('Integer')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'birthday' } });
    fireEvent.change(screen.getByLabelText('Type'), { target: { value: 'date' } });
    fireEvent.change(screen.getByLabelText('Description'), { target: { value: 'Day of birth' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create tag' }));
    expect(await screen.findByText('Day of birth')).toBeTruthy();
    expect(within(screen.getByText('Day of birth').closest('tr')!).getByText('Date (ISO 8601)')).toBeTruthy();
    expect(JSON.parse(fetch.mock.calls.find(([, init]) => init?.method === 'POST')![1]!.body as string)).toEqual({ name: 'birthday', type: 'date', description: 'Day of birth' });

    fireEvent.click(screen.getByRole('button', { name: 'Edit visits' }));
    fireEvent.change(screen.getByLabelText('Description of visits'), { target: { value: 'Store visits' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Store visits')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Edit visits' }));
    fireEvent.change(screen.getByLabelText('Type of visits'), { target: { value: 'boolean' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain('cannot become boolean: 3 users hold values');
    const row = screen.getByLabelText('Description of visits').closest('tr')!;
    expect(within(row).getByRole('button', { name: 'Save' })).toBeTruthy();
  });
});
