import { unlink } from 'node:fs/promises';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { checkTags, type TagType } from '@engine/journey';
import { inTransaction, type RejectedImportLine, TagDefinitionStore, type UserImportFormat, UserImportStore, UserStore } from '@engine/persistence';
import { DataSource } from 'typeorm';
import { mergeUserChanges, toUpsertRow, type UserChanges } from '../users/user-changes';
import { type ImportColumn, readImportHeader } from './import-columns';
import { csvRecords, type FileRecord, ImportFileError, ndjsonRecords } from './import-file-records';
import { readCsvRow, readJsonRow, type ReadRow } from './read-import-row';

/** Rows per transaction: one set-based upsert of users, one insert of rejected lines, one progress update. */
export const IMPORT_CHUNK_ROWS = 1000;

export interface UserImportJob {
  importId: string;
  projectId: string;
  file: string;
  format: UserImportFormat;
  defaultCountry: string | undefined;
}

interface Chunk {
  rows: Array<{ line: number; raw: string; change: UserChanges }>;
  rejected: RejectedImportLine[];
  newTags: Array<{ name: string; type: TagType }>;
}

/**
 * Runs imports in the process that received the upload, from its temporary file: reads the file
 * streamed, checks each row (readCsvRow / readJsonRow, pure), and writes every IMPORT_CHUNK_ROWS rows
 * in one transaction: the tags typed first in the chunk registered, the users upserted through
 * UserStore (in lock order, rows naming the same user merged in file order), the rejected lines
 * and the progress recorded. Memory holds one chunk, whatever the size of the file.
 */
@Injectable()
export class UserImportRunner implements OnApplicationShutdown {
  private readonly logger = new Logger(UserImportRunner.name);
  private readonly running = new Set<Promise<void>>();
  private stopping = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Starts the import in the background; its progress is in its user_imports row. */
  start(job: UserImportJob): void {
    const run = this.run(job)
      .catch(async (error: unknown) => {
        this.logger.error(`Import ${job.importId} failed: ${String(error)}`);
        await UserImportStore.finish(this.dataSource.manager, job.importId, 'failed', `The import stopped: ${String(error)}`, new Date()).catch(() => undefined);
      })
      .finally(() => {
        this.running.delete(run);
        void unlink(job.file).catch(() => undefined);
      });
    this.running.add(run);
  }

  /** Imports in progress stop at their next chunk (marked failed, with what was written counted). */
  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.running]);
  }

  private async run(job: UserImportJob): Promise<void> {
    const catalogue = await TagDefinitionStore.list(this.dataSource.manager, job.projectId);
    const types = new Map<string, TagType>(catalogue.map((tag) => [tag.name, tag.type]));
    const context = { types, defaultCountry: job.defaultCountry };
    let columns: ImportColumn[] | undefined;
    let chunk: Chunk = { rows: [], rejected: [], newTags: [] };
    // One chunk is written while the next is read (PostgreSQL and this process work at once); chunks
    // still commit one after the other, in file order.
    let writing: Promise<void> = Promise.resolve();
    const write = async (written: Chunk): Promise<void> => {
      await writing;
      writing = this.writeChunk(job, written, types);
      // Awaited at the next write or the end; until then a failure must not count as unhandled.
      writing.catch(() => undefined);
    };
    const records: AsyncGenerator<FileRecord> = job.format === 'csv' ? csvRecords(job.file) : ndjsonRecords(job.file);
    try {
      for await (const record of records) {
        let read: ReadRow;
        if ('fields' in record) {
          if (!columns) {
            const header = readImportHeader(record.fields);
            // The upload checked the header already; a file changed since is refused here too.
            if ('problems' in header) throw new ImportFileError(record.line, `the header is not usable: ${header.problems.join('; ')}`, record.raw);
            columns = header.columns;
            continue;
          }
          read = readCsvRow(record.fields, columns, context);
        } else if ('json' in record) {
          read = readJsonRow(record.json, context);
        } else {
          read = { ok: false, reason: record.jsonError };
        }
        if (read.ok) {
          chunk.rows.push({ line: record.line, raw: record.raw, change: read.change });
          for (const tag of read.newTags) {
            types.set(tag.name, tag.type);
            chunk.newTags.push(tag);
          }
        } else {
          chunk.rejected.push({ line: record.line, reason: read.reason, content: record.raw });
        }
        if (chunk.rows.length + chunk.rejected.length >= IMPORT_CHUNK_ROWS) {
          await write(chunk);
          chunk = { rows: [], rejected: [], newTags: [] };
          if (this.stopping) {
            await writing;
            await this.finish(job, 'failed', 'The server stopped during the import: the lines counted were written or rejected, the rest were not read. Upload the file again to finish (a row imported twice changes nothing).');
            return;
          }
        }
      }
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error;
      chunk.rejected.push({ line: error.line, reason: error.message, content: error.raw });
      await write(chunk);
      await writing;
      await this.finish(job, 'failed', `Line ${error.line}: ${error.message}. The lines before it were imported except the rejected ones; nothing from line ${error.line} on was imported.`);
      return;
    }
    await write(chunk);
    await writing;
    await this.finish(job, 'done', null);
  }

  private async writeChunk(job: UserImportJob, chunk: Chunk, types: Map<string, TagType>): Promise<void> {
    const now = new Date().toISOString();
    await inTransaction(this.dataSource, async (manager) => {
      const registered = await TagDefinitionStore.register(manager, job.projectId, chunk.newTags);
      let { rows } = chunk;
      const rejected = [...chunk.rejected];
      // Another writer may have typed one of these tags first, differently: its type wins.
      const raced = chunk.newTags.filter((tag) => registered.get(tag.name) !== undefined && registered.get(tag.name) !== tag.type);
      if (raced.length > 0) {
        for (const tag of raced) types.set(tag.name, registered.get(tag.name)!);
        const kept: typeof rows = [];
        for (const row of rows) {
          const problems = row.change.tags ? checkTags(row.change.tags, types).problems : [];
          if (problems.length === 0) kept.push(row);
          else rejected.push({ line: row.line, reason: problems.map(({ tag, problem }) => `${tag} ${problem}`).join('; '), content: row.raw });
        }
        rows = kept;
      }
      const changes = mergeUserChanges(rows.map((row) => row.change));
      await UserStore.upsert(manager, job.projectId, changes.map((change) => toUpsertRow(change, now)));
      await UserImportStore.recordChunk(manager, job.importId, rows.length, rejected);
    });
  }

  private async finish(job: UserImportJob, status: 'done' | 'failed', error: string | null): Promise<void> {
    await UserImportStore.finish(this.dataSource.manager, job.importId, status, error, new Date());
  }
}
