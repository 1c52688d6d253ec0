/**
 * Central admins import the unit's existing register (XLSX or CSV): name the column that
 * holds each field (prefilled with the sample register's titles; a CSV's own titles offered),
 * run a dry run that reports each row ok or its errors, then import what that dry run checked.
 * Rows imported before are reported, not doubled.
 */
import { useState } from 'react';
import {
  CHANNELS,
  columnTitle,
  csvSeparator,
  headerRowIndex,
  IMPORT_FIELDS,
  IMPORT_FILE_COLUMNS,
  IMPORT_FILE_MAX_BYTES,
  IMPORT_NO_SUCH_COLUMN,
  type ImportField,
  importCounts,
} from '@pantau/core/schemas';
import { api, ApiError, type Schemas, unwrap } from '../api/client';
import { PageTitle, ProblemAlert, Refusal } from '../components/ui';
import { formatDate, type Lang } from '../format';
import { fieldSentence, reportedIssue } from '../forms/field-errors';
import { labelOf, type Translate, useI18n } from '../i18n/i18n';
import { type MessageKey, messages } from '../i18n/messages';

/** The column titles of packages/intake/samples/register-sample.csv. */
const SAMPLE_MAPPING: Partial<Record<ImportField, string>> = {
  letterNumber: 'Nomor Surat',
  receivedAt: 'Tanggal Surat Diterima',
  'complainant.name': 'Nama Pengadu',
  'complainant.email': 'Surel',
  'complainant.phone': 'Telepon',
  subject: 'Perihal',
  description: 'Uraian',
  respondent: 'Terlapor',
  'location.province': 'Provinsi',
  'location.regency': 'Kabupaten/Kota',
};

type ImportReport = Schemas['ImportReport'];

/** Rounds of one import at most (each up to 20 s of rows on AWS). */
const MAX_ROUNDS = 10;

/**
 * A report and the next round's, for the same file: each row keeps its first outcome that is
 * not `pending` (a row imported in round one answers `exists` in round two: it stays imported).
 */
export function continued(earlier: ImportReport, next: ImportReport): ImportReport {
  const rows = earlier.rows.map((r, i) => (r.outcome === 'pending' ? (next.rows[i] ?? r) : r));
  return { dryRun: next.dryRun, rows, counts: importCounts(rows) };
}

/**
 * A CSV's column titles, read as the API reads the file: UTF-8 if it is, else Windows-1252; `;`
 * or `,`; the titles' record found below any title lines (core's `headerRowIndex`) among the
 * first records (a quoted title may hold the separator or a line break).
 */
export async function csvTitles(file: Blob): Promise<string[]> {
  const bytes = new Uint8Array(await file.slice(0, 64 * 1024).arrayBuffer());
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  text = text.replace(/^\uFEFF/, '');
  const records = csvRecords(text, csvSeparator(text));
  return (records[headerRowIndex(records)] ?? []).map(columnTitle).filter(Boolean);
}

/** A CSV's records, enough of them to find its titles' among (the last may be cut short). */
function csvRecords(text: string, separator: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length && records.length < 100; i += 1) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === separator) {
      record.push(field);
      field = '';
    } else if (!quoted && (c === '\r' || c === '\n')) {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      records.push([...record, field]);
      record = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (field || record.length > 0) records.push([...record, field]);
  return records;
}

/** The file's titles the API lists beside a mapped title it does not have (`mapping`). */
function listedColumns(message: string | undefined): string[] | null {
  if (!message?.startsWith(IMPORT_FILE_COLUMNS)) return null;
  try {
    const titles: unknown = JSON.parse(message.slice(IMPORT_FILE_COLUMNS.length));
    return Array.isArray(titles) ? titles.map(String) : null;
  } catch {
    return null;
  }
}

/** What a report was made with: another mapping, system or channel has not been checked. */
const settingsKey = (
  mapping: Partial<Record<ImportField, string>>,
  externalSystem: string,
  defaultChannel: string,
) =>
  JSON.stringify([
    Object.entries(mapping).filter(([, v]) => v?.trim()),
    externalSystem.trim(),
    defaultChannel,
  ]);

export default function AdminImport() {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState(SAMPLE_MAPPING);
  const [externalSystem, setExternalSystem] = useState('');
  const [defaultChannel, setDefaultChannel] = useState<(typeof CHANNELS)[number]>('letter');
  const [report, setReport] = useState<ImportReport | null>(null);
  // The settings the report shown was made with: changed since, it may not be imported as is.
  const [reportFor, setReportFor] = useState<string | null>(null);
  // The file's own column titles (a CSV's, read here; or as the API lists them).
  const [columns, setColumns] = useState<string[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const settings = settingsKey(mapping, externalSystem, defaultChannel);
  const stale = report !== null && reportFor !== settings;
  const maxKb = Math.floor(IMPORT_FILE_MAX_BYTES / 1024);

  /** The API's refusals of this file, said as what to do about them here. */
  const refusal = (error: unknown, sent: Partial<Record<ImportField, string>>): unknown => {
    if (!(error instanceof ApiError)) return error;
    if (error.problem?.code === 'payload_too_large')
      return new Refusal(t('import.fileTooLarge', { max: maxKb }));
    if (error.problem?.code !== 'validation_failed') return error;
    const errors = error.fieldErrors;
    const missing = IMPORT_FIELDS.filter((f) => errors[`mapping.${f}`] === IMPORT_NO_SUCH_COLUMN);
    const listed = listedColumns(errors.mapping);
    if (missing.length === 0 || !listed) return error;
    setColumns(listed);
    return new Refusal(
      t('import.missingColumns', {
        missing: missing
          .map((f) =>
            t('import.missingColumn', { label: t(`import.field.${f}`), title: sent[f] ?? '' }),
          )
          .join(', '),
        columns: listed.map((c) => `“${c}”`).join(', '),
      }),
    );
  };

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setFailure(null);
    // Refused before it is sent: the API takes a request of 1 MiB at most.
    if (file.size > IMPORT_FILE_MAX_BYTES) {
      setFailure(new Refusal(t('import.fileTooLarge', { max: maxKb })));
      return;
    }
    setBusy(true);
    // This run's rounds so far, merged: what they did stays reported if a later one fails.
    let merged: ImportReport | null = null;
    const sentMapping = Object.fromEntries(
      Object.entries(mapping).filter(([, v]) => v?.trim()),
    ) as Partial<Record<ImportField, string>>;
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      let binary = '';
      for (const b of bytes) binary += String.fromCharCode(b);
      const body = {
        format: file.name.toLowerCase().endsWith('.csv') ? ('csv' as const) : ('xlsx' as const),
        content: btoa(binary),
        mapping: sentMapping,
        ...(externalSystem.trim() ? { externalSystem: externalSystem.trim() } : {}),
        defaultChannel,
        dryRun,
      };
      // A request that ran out of time reports the rows it did not reach `pending`: the same
      // file again goes on from there, until none is left or a round gets no further.
      for (let round = 0; round < MAX_ROUNDS; round += 1) {
        const next = await unwrap(api.POST('/v1/imports/cases', { body }));
        const before = merged?.counts.pending;
        merged = merged ? continued(merged, next) : next;
        setReport(merged);
        setReportFor(settings);
        if (merged.counts.pending === 0 || merged.counts.pending === before) break;
      }
    } catch (error) {
      setFailure(refusal(error, sentMapping));
      // Rows already imported are facts: their report stays, below the error (this run's
      // rounds, or the import being continued). A failed dry run leaves no stale report.
      if (merged === null) setReport((shown) => (shown && !shown.dryRun ? shown : null));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section>
      <PageTitle>{t('import.title')}</PageTitle>
      <p>{t('import.intro')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(true);
        }}
      >
        <div className="field">
          <label htmlFor="import-file">{t('import.file')}</label>
          <input
            id="import-file"
            type="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            required
            onChange={(e) => {
              const picked = e.target.files?.[0] ?? null;
              setFile(picked);
              setReport(null);
              setColumns([]);
              if (picked?.name.toLowerCase().endsWith('.csv'))
                void csvTitles(picked).then(setColumns, () => setColumns([]));
            }}
          />
        </div>
        <fieldset>
          <legend>{t('import.column')}</legend>
          {columns.length > 0 ? (
            <p className="hint" id="import-columns-hint">
              {t('import.fileColumns', { columns: columns.map((c) => `“${c}”`).join(', ') })}
            </p>
          ) : null}
          <datalist id="import-columns">
            {columns.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
          {IMPORT_FIELDS.map((field) => (
            <div className="field" key={field}>
              <label htmlFor={`map-${field}`}>{t(`import.field.${field}`)}</label>
              {/* Without the letter's date the case cannot keep the letter: say so where it is mapped. */}
              {field === 'letterDate' ? (
                <p className="hint" id="map-letterDate-hint">
                  {t('import.letterDateHint')}
                </p>
              ) : null}
              <input
                id={`map-${field}`}
                value={mapping[field] ?? ''}
                placeholder={t('import.none')}
                list="import-columns"
                aria-describedby={field === 'letterDate' ? 'map-letterDate-hint' : undefined}
                onChange={(e) => setMapping({ ...mapping, [field]: e.target.value })}
              />
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="import-system">{t('import.externalSystem')}</label>
          <input
            id="import-system"
            value={externalSystem}
            onChange={(e) => setExternalSystem(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="import-channel">{t('import.defaultChannel')}</label>
          <select
            id="import-channel"
            value={defaultChannel}
            onChange={(e) => setDefaultChannel(e.target.value as (typeof CHANNELS)[number])}
          >
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {labelOf(t, 'channel', c)}
              </option>
            ))}
          </select>
        </div>
        <p>
          <button type="submit" disabled={busy || !file} aria-busy={busy}>
            {t('import.dryRun')}
          </button>{' '}
          <button
            type="button"
            className="primary"
            disabled={
              busy ||
              !report ||
              stale ||
              (report.dryRun ? report.counts.ok === 0 : report.counts.pending === 0)
            }
            onClick={() => void run(false)}
          >
            {report && !report.dryRun && report.counts.pending > 0
              ? t('import.continue')
              : t('import.run')}
          </button>
        </p>
        {stale ? <p className="hint">{t('import.stale')}</p> : null}
      </form>
      {failure instanceof ApiError || failure ? (
        <ProblemAlert
          error={failure}
          labels={{
            mapping: t('import.column'),
            externalSystem: t('import.externalSystem'),
            ...Object.fromEntries(
              IMPORT_FIELDS.map((f) => [`mapping.${f}`, t(`import.field.${f}`)]),
            ),
          }}
        />
      ) : null}
      {report ? <Report report={report} /> : null}
    </section>
  );
}

/**
 * What identifies a row, as people say it: "Nomor surat B-10/… · Sel, 10 Feb 2026 · Made
 * Wirawan", "SP4N-LAPOR! 4411", "Surat tanpa nomor · Sel, 10 Feb 2026 · Budi Santoso · Jalan
 * rusak" (its day, sender and subject as the register wrote them, not as the key normalises
 * them: upper case, an ISO day).
 */
function rowKeyLabel(t: Translate, lang: Lang, row: ImportReport['rows'][number]): string {
  const { letter } = row;
  if (letter)
    return [
      letter.number ? `${t('import.field.letterNumber')} ${letter.number}` : t('import.unnumbered'),
      letter.receivedOn && formatDate(letter.receivedOn, lang),
      // A letter without a number names its sender in its key, anonymous too.
      letter.sender ?? (letter.number ? undefined : t('import.anonymous')),
      letter.subject,
    ]
      .filter(Boolean)
      .join(' · ');
  const key = row.rowKey ?? '';
  const colon = key.indexOf(':');
  const [kind, value] = [key.slice(0, colon), key.slice(colon + 1)];
  // A report without the letter as written (an answer stored before it): its key, days read.
  const shown = value.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (day) => formatDate(day, lang));
  if (kind === 'letter') return `${t('import.field.letterNumber')} ${shown}`;
  if (kind === 'unnumbered') return `${t('import.unnumbered')} · ${shown}`;
  return `${labelOf(t, 'channel', kind)} ${shown}`;
}

/** A spreadsheet column as the mapping form names it ("Perihal"), the row key as "Nomor surat atau rujukan". */
function columnLabel(t: Translate, field: string): string {
  const key = `import.field.${field}` as MessageKey;
  return key in messages.id ? t(key) : t('import.rowKey');
}

export function Report({ report }: { report: ImportReport }) {
  const { t, lang } = useI18n();
  // A month's register is hundreds of rows: the few to correct, shown alone, are found at once.
  const [onlyErrors, setOnlyErrors] = useState(false);
  const filterable = report.counts.error > 0 && report.counts.error < report.rows.length;
  const rows =
    filterable && onlyErrors ? report.rows.filter((r) => r.outcome === 'error') : report.rows;
  return (
    <section aria-live="polite">
      <p role="status">
        <strong>
          {t('import.summary', {
            ok: report.counts.ok,
            created: report.counts.created,
            exists: report.counts.exists,
            error: report.counts.error,
          })}
        </strong>
        {report.counts.pending > 0 ? (
          <> {t('import.pending', { pending: report.counts.pending })}</>
        ) : null}
      </p>
      {filterable ? (
        <p>
          <label>
            <input
              type="checkbox"
              checked={onlyErrors}
              onChange={(e) => setOnlyErrors(e.target.checked)}
            />{' '}
            {t('import.onlyErrors', { error: report.counts.error })}
          </label>
        </p>
      ) : null}
      <table>
        <thead>
          <tr>
            <th scope="col">{t('import.row')}</th>
            <th scope="col">{t('import.rowKey')}</th>
            <th scope="col">{t('import.outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.row}>
              <td>{r.row}</td>
              <td>{r.rowKey ? rowKeyLabel(t, lang, r) : '—'}</td>
              <td>
                {labelOf(t, 'import.outcome', r.outcome)}
                {r.caseId ? (
                  <>
                    {' · '}
                    <a
                      href={`/cases/${r.caseId}`}
                      aria-label={t('import.openCaseOfRow', { row: r.row })}
                    >
                      {t('import.openCase')}
                    </a>
                  </>
                ) : null}
                {r.errors.length > 0 ? (
                  <ul>
                    {r.errors.map((e) => (
                      // The column by its name and the problem in a sentence, as on every form
                      // (a cell the case schemas refused: with their bound, "paling banyak 200").
                      <li key={e.field}>
                        {fieldSentence(t, reportedIssue(e), columnLabel(t, e.field))}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
