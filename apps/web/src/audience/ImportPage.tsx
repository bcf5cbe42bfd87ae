import { type FormEvent, useEffect, useId, useState } from 'react';
import { audienceApi, type ImportFormat, type UserImport } from '../api/audience-api';
import { describeError } from '../api/api-error';
import { AudienceTabs } from './AudienceTabs';
import { estimateRows, formatOfFile, importFraction } from './import-progress';

/** How often a running import's status is asked for. */
export const IMPORT_POLL_MS = 1000;
const SAMPLE_BYTES = 64 * 1024;
const count = new Intl.NumberFormat('en');

/** Import users from a CSV or NDJSON file: pick it, choose the default country of phone numbers, follow the progress. */
export function ImportPage() {
  const [file, setFile] = useState<File>();
  const [format, setFormat] = useState<ImportFormat>('csv');
  const [country, setCountry] = useState('');
  const [status, setStatus] = useState<UserImport>();
  const [estimate, setEstimate] = useState(0);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const fileId = useId();
  const formatId = useId();
  const countryId = useId();

  const running = status?.status === 'running';
  useEffect(() => {
    if (!running || status === undefined) return undefined;
    const timer = window.setTimeout(() => {
      audienceApi.importStatus(status.id).then(setStatus, (caught: unknown) => setError(describeError(caught)));
    }, IMPORT_POLL_MS);
    return () => window.clearTimeout(timer);
  }, [running, status]);

  const upload = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (file === undefined) return;
    setError(undefined);
    setStatus(undefined);
    setBusy(true);
    try {
      const sample = file.slice(0, SAMPLE_BYTES);
      setEstimate(estimateRows(await sample.text(), sample.size, file.size, format));
      setStatus(await audienceApi.startImport(file, format, country.trim().toUpperCase()));
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  };

  const fraction = status === undefined ? 0 : importFraction(status, estimate);
  return (
    <main className="team-page audience-page">
      <h1>Audience</h1>
      <AudienceTabs current="import" />
      <form className="team-page__form team-page__form--stacked" onSubmit={(event) => void upload(event)} aria-labelledby="import-title">
        <h2 id="import-title">Import users</h2>
        <p className="muted">
          CSV with a header line: <code>external_id</code> (required), <code>phone</code>, <code>email</code>, <code>language</code>, <code>time_zone</code>,{' '}
          <code>opt_in_email</code>…; every other column is a tag. Or NDJSON: one JSON object per line.
        </p>
        <label htmlFor={fileId}>File</label>
        <input
          id={fileId}
          type="file"
          accept=".csv,.ndjson,.jsonl,text/csv,application/x-ndjson"
          onChange={(event) => {
            const picked = event.target.files?.[0];
            setFile(picked);
            if (picked !== undefined) setFormat(formatOfFile(picked.name));
          }}
        />
        <label htmlFor={formatId}>Format</label>
        <select id={formatId} className="input input--compact" value={format} onChange={(event) => setFormat(event.target.value as ImportFormat)}>
          <option value="csv">CSV</option>
          <option value="ndjson">NDJSON</option>
        </select>
        <label htmlFor={countryId}>Default country of phone numbers without +</label>
        <input
          id={countryId}
          className="input input--compact"
          placeholder="e.g. DE"
          maxLength={2}
          pattern="[A-Za-z]{2}"
          title="Two letters, ISO 3166 (DE, IN, US)"
          value={country}
          onChange={(event) => setCountry(event.target.value)}
        />
        <button type="submit" className="button button--primary" disabled={file === undefined || busy || running}>
          {busy ? 'Uploading…' : 'Import'}
        </button>
      </form>
      {error !== undefined && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {status !== undefined && (
        <section className="audience-import" aria-labelledby="import-status-title">
          <h2 id="import-status-title">{status.status === 'running' ? 'Importing…' : status.status === 'done' ? 'Import finished' : 'Import stopped'}</h2>
          <progress className="audience-import__bar" max={1} value={fraction} aria-label="Import progress">
            {Math.round(fraction * 100)} %
          </progress>
          <dl className="audience-import__counts">
            <dt>Imported</dt>
            <dd>{count.format(status.rowsImported)}</dd>
            <dt>Rejected</dt>
            <dd>{count.format(status.rowsRejected)}</dd>
            <dt>Rows per second</dt>
            <dd>{count.format(status.rowsPerSecond)}</dd>
            {status.status === 'running' && estimate > 0 && (
              <>
                <dt>Rows in the file</dt>
                <dd>about {count.format(estimate)}</dd>
              </>
            )}
          </dl>
          {status.error !== null && (
            <p className="error-text" role="alert">
              {status.error}
            </p>
          )}
          {status.rowsRejected > 0 && (
            <p>
              <a href={status.rejectedReportUrl} download>
                Download the rejected rows (line and reason)
              </a>
            </p>
          )}
        </section>
      )}
    </main>
  );
}
