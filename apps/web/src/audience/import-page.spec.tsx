import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type UserImport } from '../api/audience-api';
import { ImportPage } from './ImportPage';
import { estimateRows, formatOfFile, importFraction } from './import-progress';

function answer(status: number, body: unknown): Promise<Response> {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

const running: UserImport = {
  id: 'imp-1',
  status: 'running',
  format: 'csv',
  defaultCountry: 'DE',
  rowsImported: 0,
  rowsRejected: 0,
  rowsDone: 0,
  rowsPerSecond: 0,
  error: null,
  createdAt: '2026-12-03T10:00:00.000Z',
  finishedAt: null,
  rejectedReportUrl: '/api/v1/users/imports/imp-1/rejected.csv',
};

afterEach(() => vi.unstubAllGlobals());

describe('import progress', () => {
  it('estimates the rows of a file from its first bytes', () => {
    expect(estimateRows('id,plan\na,b\nc,d\n', 16, 1600, 'csv')).toBe(299);
    expect(estimateRows('{"id":"a"}\n{"id":"b"}\n', 22, 2200, 'ndjson')).toBe(200);
    expect(estimateRows('', 0, 0, 'csv')).toBe(0);
  });

  it('is the share of rows read while running, and full once finished', () => {
    expect(importFraction({ ...running, rowsDone: 50 }, 200)).toBe(0.25);
    expect(importFraction({ ...running, rowsDone: 500 }, 200)).toBe(0.99);
    expect(importFraction({ ...running, status: 'done', rowsDone: 10 }, 200)).toBe(1);
  });

  it('takes the format from the file name', () => {
    expect(formatOfFile('users.csv')).toBe('csv');
    expect(formatOfFile('users.ndjson')).toBe('ndjson');
    expect(formatOfFile('users.jsonl')).toBe('ndjson');
  });
});

describe('import page', () => {
  it('uploads the file raw with the default country, follows the import to its end and links the rejected rows', async () => {
    const statuses = [
      { ...running, rowsImported: 1, rowsDone: 1 },
      { ...running, status: 'done', rowsImported: 2, rowsRejected: 1, rowsDone: 3, rowsPerSecond: 1500, finishedAt: '2026-12-03T10:00:01.000Z' },
    ];
    const fetch = vi.fn((url: string, _init?: RequestInit) => (url.startsWith('/api/v1/users/import?') ? answer(202, running) : answer(200, statuses.shift() ?? statuses[0])));
    vi.stubGlobal('fetch', fetch);
    render(<ImportPage />);

    const file = new File(['external_id,phone\na,0151 1234 5678\nb,+4915112345679\nc,12\n'], 'users.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByLabelText('File'), { target: { files: [file] } });
    fireEvent.change(screen.getByLabelText('Default country of phone numbers without +'), { target: { value: 'de' } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));

    expect(await screen.findByText('Import finished', {}, { timeout: 4000 })).toBeTruthy();
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('/api/v1/users/import?format=csv&defaultCountry=DE');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe(file);
    expect((init?.headers as Record<string, string>)['Content-Type']).toBe('text/csv');
    expect(fetch.mock.calls[1][0]).toBe('/api/v1/users/imports/imp-1');
    expect(screen.getByRole<HTMLProgressElement>('progressbar', { name: 'Import progress' }).value).toBe(1);
    expect(screen.getByText('1,500')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Download the rejected rows (line and reason)' }).getAttribute('href')).toBe('/api/v1/users/imports/imp-1/rejected.csv');
  });

  it("shows the API's refusal of a file", async () => {
    vi.stubGlobal('fetch', vi.fn(() => answer(400, { statusCode: 400, message: 'The file is not text (it contains NUL bytes): upload a CSV file' })));
    render(<ImportPage />);
    fireEvent.change(screen.getByLabelText('File'), { target: { files: [new File(['\u0000PK'], 'users.csv')] } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The file is not text (it contains NUL bytes): upload a CSV file');
  });
});
