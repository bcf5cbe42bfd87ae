import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { createInterface } from 'node:readline';

/** A record of an import file with the line it starts on and its text (for the report of rejected rows). */
export type FileRecord = { line: number; raw: string } & ({ fields: string[] } | { json: unknown } | { jsonError: string });

/** The file stops being readable at a line (broken CSV quoting): nothing from there on can be read. */
export class ImportFileError extends Error {
  constructor(
    readonly line: number,
    message: string,
    readonly raw: string,
  ) {
    super(message);
  }
}

/**
 * The records of a CSV file, streamed (csv-parse with backpressure: one record in memory at a
 * time), each with the line it starts on. Blank lines are skipped. Broken quoting throws an
 * ImportFileError naming the line.
 */
export async function* csvRecords(file: string): AsyncGenerator<FileRecord> {
  const parser = createReadStream(file).pipe(
    parse({ bom: true, info: true, raw: true, relax_column_count: true, skip_empty_lines: false, skip_records_with_error: true }),
  );
  // csv-parse reads ahead of the records handed out, and after broken quoting it cannot tell where
  // records start: the first error ends the file, and records ending at or after its line are dropped.
  let fileError: ImportFileError | undefined;
  parser.on('skip', (error: Error & { code?: string; lines?: number }) => {
    fileError ??= new ImportFileError(error.lines ?? 0, error.code ? `${describeCsvError(error.code)} (${error.message})` : error.message, '');
  });
  let previousEnd = 0;
  try {
    for await (const entry of parser as AsyncIterable<{ record: string[]; info: { lines: number }; raw: string }>) {
      if (fileError && entry.info.lines >= fileError.line) break;
      const line = previousEnd + 1;
      previousEnd = entry.info.lines;
      // A blank line is one empty field; it holds no user.
      if (entry.record.length === 1 && entry.record[0] === '' && entry.raw.trim() === '') continue;
      yield { line, raw: entry.raw.replace(/\r?\n$/, ''), fields: entry.record };
    }
  } finally {
    parser.destroy();
  }
  if (fileError) throw fileError;
}

function describeCsvError(code: string): string {
  switch (code) {
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'broken quoting: a quoted field must end with a quote followed by a comma or the end of the line';
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'broken quoting: a quoted field is never closed (the file ends inside it)';
    default:
      return 'the file cannot be read as CSV from here on';
  }
}

/** The lines of an NDJSON file, streamed, each parsed on its own (a bad line is a bad row, not a bad file). */
export async function* ndjsonRecords(file: string): AsyncGenerator<FileRecord> {
  const input = createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const text of lines) {
      line++;
      const raw = text.replace(/\r$/, '');
      if (raw.trim() === '') continue;
      try {
        yield { line, raw, json: JSON.parse(raw) as unknown };
      } catch (error) {
        yield { line, raw, jsonError: `is not JSON (${error instanceof Error ? error.message : String(error)})` };
      }
    }
  } finally {
    lines.close();
    input.destroy();
  }
}
