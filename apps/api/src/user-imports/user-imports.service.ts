import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BadRequestException, Injectable, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type UserImportEntity, UserImportStore, type UserImportFormat, type RejectedImportLine } from '@engine/persistence';
import { parse as parseCsv } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { type UserImportDto } from './dto/user-import.response';
import { readImportHeader } from './import-columns';
import { UserImportRunner } from './run-user-import';

/** The largest file an import takes (2 GiB: a few million rows). */
export const MAX_IMPORT_BYTES = 2 * 1024 ** 3;
/** How much of the file's start is checked before the upload is accepted (text, header, first line). */
const SNIFF_BYTES = 64 * 1024;

/**
 * Receiving an import: the upload is streamed to a temporary file (the request's memory stays
 * flat), its start is checked (text, a usable header), then the import row is created and the
 * runner starts; the request is answered 202 with the import's id.
 */
@Injectable()
export class UserImportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runner: UserImportRunner,
  ) {}

  async receive(projectId: string, upload: NodeJS.ReadableStream, options: { format: UserImportFormat; defaultCountry: string | undefined }): Promise<UserImportDto> {
    const file = join(tmpdir(), `user-import-${randomUUID()}.${options.format}`);
    try {
      await pipeline(upload, limitBytes(MAX_IMPORT_BYTES), createWriteStream(file));
      await checkFileStart(file, options.format);
    } catch (error) {
      await unlink(file).catch(() => undefined);
      throw error;
    }
    const importId = await UserImportStore.create(this.dataSource.manager, projectId, { format: options.format, defaultCountry: options.defaultCountry ?? null });
    this.runner.start({ importId, projectId, file, format: options.format, defaultCountry: options.defaultCountry });
    return this.status(projectId, importId);
  }

  async status(projectId: string, importId: string, now = new Date()): Promise<UserImportDto> {
    const row = await UserImportStore.find(this.dataSource.manager, projectId, importId);
    if (!row) throw notFound(importId);
    return toDto(row, now);
  }

  /** The rejected lines, a page at a time, in line order; 404 for another project's import. */
  async *rejectedLines(projectId: string, importId: string): AsyncGenerator<RejectedImportLine[]> {
    if (!(await UserImportStore.find(this.dataSource.manager, projectId, importId))) throw notFound(importId);
    let after = 0;
    for (;;) {
      const page = await UserImportStore.rejectedLines(this.dataSource.manager, importId, after, 1000);
      if (page.length === 0) return;
      yield page;
      after = page[page.length - 1].line;
    }
  }
}

/** A running import whose chunks stopped coming this long ago ran on a server that stopped. */
export const STALLED_IMPORT_MS = 10 * 60_000;

function toDto(row: UserImportEntity, now: Date): UserImportDto {
  const rowsDone = row.rowsImported + row.rowsRejected;
  if (row.status === 'running' && now.getTime() - row.progressedAt.getTime() > STALLED_IMPORT_MS) {
    return {
      ...toDto({ ...row, status: 'failed', finishedAt: row.progressedAt }, now),
      error: `No progress since ${row.progressedAt.toISOString()}: the server running the import stopped. The rows counted were imported or rejected; upload the file again to finish (a row imported twice changes nothing).`,
    };
  }
  const seconds = Math.max(((row.finishedAt ?? now).getTime() - row.createdAt.getTime()) / 1000, 0.001);
  return {
    id: row.id,
    status: row.status,
    format: row.format,
    defaultCountry: row.defaultCountry,
    rowsImported: row.rowsImported,
    rowsRejected: row.rowsRejected,
    rowsDone,
    rowsPerSecond: Math.round(rowsDone / seconds),
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    rejectedReportUrl: `/api/v1/users/imports/${row.id}/rejected.csv`,
  };
}

function notFound(importId: string): NotFoundException {
  return new NotFoundException(`No import ${importId} in this project`);
}

function limitBytes(max: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > max) callback(new PayloadTooLargeException(`The file is larger than ${max} bytes; split it into several imports`));
      else callback(null, chunk);
    },
  });
}

/** 400 before anything is imported: an empty file, one that is not text, a CSV header without an id column, NDJSON whose first line is not an object. */
async function checkFileStart(file: string, format: UserImportFormat): Promise<void> {
  const handle = await open(file, 'r');
  let start: Buffer;
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    start = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  if (start.length === 0) throw new BadRequestException('The file is empty');
  if (start.includes(0)) throw new BadRequestException(`The file is not text (it contains NUL bytes): upload a ${format === 'csv' ? 'CSV' : 'NDJSON'} file`);
  const text = start.toString('utf8');
  const firstLine = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  if (format === 'ndjson') {
    let value: unknown;
    try {
      value = JSON.parse(firstLine);
    } catch {
      throw new BadRequestException(`Line 1 is not JSON: an NDJSON file has one JSON object per line (is this a CSV file? use format=csv)`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new BadRequestException('Line 1 is not a JSON object: an NDJSON file has one JSON object per line');
    return;
  }
  if (/^\s*[[{]/.test(firstLine)) throw new BadRequestException('The file looks like JSON, not CSV: use format=ndjson for one JSON object per line');
  let header: string[];
  try {
    const rows: unknown = parseCsv(firstLine, { bom: true, to_line: 1 });
    [header] = rows as string[][];
  } catch (error) {
    throw new BadRequestException(`Line 1 (the header) is not CSV: ${error instanceof Error ? error.message : String(error)}`);
  }
  const read = readImportHeader(header ?? []);
  if ('problems' in read) throw new BadRequestException({ message: read.problems.map((problem) => `Line 1 (the header): ${problem}`) });
}
