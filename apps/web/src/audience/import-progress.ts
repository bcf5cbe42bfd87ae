import { type ImportFormat, type UserImport } from '../api/audience-api';

/** The file's rows, estimated from its size and the lines in its first bytes (the header not counted for CSV). */
export function estimateRows(sample: string, sampleBytes: number, fileBytes: number, format: ImportFormat): number {
  const lines = sample.split('\n').length - (sample.endsWith('\n') ? 1 : 0);
  if (lines === 0 || sampleBytes === 0) return 0;
  const total = Math.round((fileBytes / sampleBytes) * lines);
  return Math.max(format === 'csv' ? total - 1 : total, 0);
}

/** How far an import is, 0 to 1: rows read against the estimate; 1 once it is no longer running. */
export function importFraction(status: UserImport, estimatedRows: number): number {
  if (status.status !== 'running') return 1;
  if (estimatedRows <= 0) return 0;
  return Math.min(status.rowsDone / estimatedRows, 0.99);
}

/** The format a file's name suggests. */
export function formatOfFile(name: string): ImportFormat {
  return /\.(nd)?jsonl?$|\.ndjson$/i.test(name) ? 'ndjson' : 'csv';
}
