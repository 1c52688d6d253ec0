/**
 * Central's spreadsheet import of the unit's existing register: rows read through the column
 * mapping (import-row.ts), each registered through `registerCase` under its row key.
 */
import { DomainError, limitExceeded } from '../errors.ts';
import { readRow, resolveMapping, type ImportSheet, type SheetRow } from '../import-row.ts';
import { sameImportedLetter } from '../import-row-key.ts';
import type { UniqueClaim } from '../ports.ts';
import type { ImportField, ImportInput, ImportReport, ImportRowResult } from '../schemas.ts';
import {
  IMPORT_DUPLICATE_COLUMN,
  IMPORT_FILE_COLUMNS,
  IMPORT_NO_SUCH_COLUMN,
  importCounts,
} from '../schemas/intake.ts';
import type { Principal } from '../tenancy.ts';
import { actorOf } from '../timeline.ts';
import { ADMIN_ROLES, requireRole, type ServiceDeps } from './kernel/index.ts';
import { AlreadyRegistered, externalRefClaim, registerCase } from './registration.ts';

/** Rows one import request may carry: each is a transaction, and the request has 29 s on AWS. */
export const MAX_IMPORT_ROWS = 500;

/**
 * Central admins import the unit's existing register: every row read through the column
 * mapping, reported ok or with its errors; a dry run writes nothing. A row with its letter's
 * number and date registers the case with that incoming letter (sender: the complainant). A
 * row whose key (the letter: its number, day received and sender; or its external reference)
 * was imported before is reported `exists` with its case, so importing the same file twice
 * creates nothing the second time.
 *
 * A mapped column title the sheet's header row does not have (compared as `columnKey` does) is
 * refused before any row is read: a 400 naming `mapping.<field>`, and `mapping` with the file's
 * titles. (Rows given without their header row, by a caller that built them: the titles their
 * cells have.)
 *
 * `timeLeft` (milliseconds, the caller's clock): once it is spent, the rows left that would read
 * or write are reported `pending`, not tried, so the request answers before its caller's limit
 * (API Gateway's 29 s) instead of failing half-way with no report; sending the same file again
 * goes on from there. A row whose reads or write fail for another reason than its cells (the
 * store throttled past its retries, a transaction refused) is `pending` too, with the rows after
 * it: the rows before it stay reported, and `rowFailed` hears of it (its row number and the
 * error, never the row's cells) to log it.
 */
export async function importCases(
  deps: ServiceDeps,
  p: Principal,
  input: Omit<ImportInput, 'format' | 'content'>,
  sheet: () => Promise<ImportSheet | readonly SheetRow[]>,
  timeLeft: () => number = () => Infinity,
  rowFailed: (row: number, error: unknown) => void = () => {},
): Promise<ImportReport> {
  requireRole(p, ADMIN_ROLES);
  const given = await sheet();
  const { rows, headers, rowCount } = isSheet(given)
    ? { ...given, rowCount: given.rowCount ?? given.rows.length }
    : { rows: given, headers: titlesOf(given), rowCount: given.length };
  if (rowCount > MAX_IMPORT_ROWS)
    throw limitExceeded(
      `the sheet has ${rowCount} rows; import at most ${MAX_IMPORT_ROWS} per request`,
      'import_rows',
    );
  const { mapping, missing, duplicated } = resolveMapping(input.mapping, headers);
  if (missing.length > 0) throw noSuchColumns(input.mapping, missing, headers);
  if (duplicated.length > 0)
    throw new DomainError(
      'validation_failed',
      `${IMPORT_DUPLICATE_COLUMN}: ${duplicated.map((f) => `mapping.${f} ${JSON.stringify(input.mapping[f])}`).join(', ')}`,
      {
        errors: duplicated.map((f) => ({ path: `mapping.${f}`, message: IMPORT_DUPLICATE_COLUMN })),
      },
    );
  const options = { ...input, mapping };
  const now = deps.clock();
  const seen = new Map<string, number>();
  const results: ImportRowResult[] = [];
  // Set once a row failed for another reason than its cells: the rows after it wait too.
  let stopped = false;
  for (const row of rows) {
    const read = readRow(row, options, now);
    const base = {
      row: row.row,
      rowKey: read.rowKey,
      ...(read.written ? { letter: read.written } : {}),
      caseId: null,
    };
    const earlier = read.rowKey ? seen.get(read.rowKey) : undefined;
    if (read.rowKey && earlier === undefined) seen.set(read.rowKey, row.row);
    if (!read.ok) {
      results.push({ ...base, outcome: 'error', errors: read.errors });
    } else if (earlier !== undefined) {
      results.push({
        ...base,
        outcome: 'error',
        errors: [{ field: 'rowKey', message: `the same key as row ${earlier}` }],
      });
    } else {
      // A numbered letter, or one without a number nor a report's reference, by its row key; a
      // report by its reference, as any intake claims it.
      const ref = read.registration.externalRef;
      const claims =
        read.letter || !ref
          ? [{ kind: 'import_row' as const, value: read.rowKey }]
          : [externalRefClaim(ref)];
      let result: ImportRowResult = { ...base, outcome: 'pending', errors: [] };
      if (!stopped && timeLeft() > 0) {
        try {
          result = await importRow(deps, p, input.dryRun, read, claims, base);
        } catch (error) {
          // Nothing of this row was written (a transaction is whole), or it was and the same
          // file again finds it: `pending` either way, and the report of the rows before stays.
          stopped = true;
          rowFailed(row.row, error);
        }
      }
      results.push(result);
    }
  }
  return { dryRun: input.dryRun, rows: results, counts: importCounts(results) };
}

const isSheet = (read: ImportSheet | readonly SheetRow[]): read is ImportSheet =>
  !Array.isArray(read);

/** The titles the rows' cells have, for rows given without their header row. */
const titlesOf = (rows: readonly SheetRow[]): string[] => [
  ...new Set(rows.flatMap((r) => Object.keys(r.cells))),
];

/** The 400 for mapped titles the file does not have: each field, and the file's own titles. */
function noSuchColumns(
  mapping: ImportInput['mapping'],
  missing: readonly ImportField[],
  headers: readonly string[],
): DomainError {
  const named = missing.map((f) => `mapping.${f} ${JSON.stringify(mapping[f])}`).join(', ');
  // Each title once: a merged cell (a register's title row above its titles) repeats its text in
  // every column it spans, which the admin would read ten times over.
  const titles = JSON.stringify([...new Set(headers)]);
  return new DomainError(
    'validation_failed',
    `${IMPORT_NO_SUCH_COLUMN}: ${named}; ${IMPORT_FILE_COLUMNS}${titles}`,
    {
      errors: [
        ...missing.map((f) => ({ path: `mapping.${f}`, message: IMPORT_NO_SUCH_COLUMN })),
        { path: 'mapping', message: `${IMPORT_FILE_COLUMNS}${titles}` },
      ],
    },
  );
}

async function importRow(
  deps: ServiceDeps,
  p: Principal,
  dryRun: boolean,
  read: Extract<ReturnType<typeof readRow>, { ok: true }>,
  claims: readonly UniqueClaim[],
  base: Pick<ImportRowResult, 'row' | 'rowKey' | 'letter' | 'caseId'>,
): Promise<ImportRowResult> {
  for (const claim of claims) {
    const holder = await deps.store.findClaim(claim);
    if (holder) return { ...base, outcome: 'exists', caseId: holder, errors: [] };
  }
  // A row imported before the key held the letter's date and sender claimed its bare number:
  // that case is this row's only if it is the same letter (another citizen's `01/2026` is not).
  if (read.letter) {
    const holder = await deps.store.findClaim({ kind: 'import_row', value: read.letter.legacyKey });
    const [earlier] = holder ? await deps.store.getCases([holder]) : [];
    if (earlier && sameImportedLetter(earlier, read.registration))
      return { ...base, outcome: 'exists', caseId: earlier.id, errors: [] };
  }
  if (dryRun) return { ...base, outcome: 'ok', errors: [] };
  try {
    const c = await registerCase(deps, read.registration, {
      actor: actorOf(p),
      // The external reference's own claim is made by registerCase.
      claims: claims.filter((x) => x.kind === 'import_row'),
      imported: { rowKey: read.rowKey },
      // A letter whose date the register kept is on the case (`registration.letter`: searched
      // by its number, cited by the forwarding letter), not repeated here: agencies read this
      // event even when central later hides the identity, and the case's letter they do not.
      // Without its date the case cannot hold it: its number is kept here, as it always was.
      note: {
        imported: true,
        ...(read.letter && !read.registration.letter ? { letterNumber: read.letter.number } : {}),
      },
    });
    return { ...base, outcome: 'created', caseId: c.id, errors: [] };
  } catch (error) {
    // Imported concurrently by another request since the check above.
    if (error instanceof AlreadyRegistered)
      return { ...base, outcome: 'exists', caseId: error.caseId, errors: [] };
    if (error instanceof DomainError && error.code === 'validation_failed')
      return {
        ...base,
        outcome: 'error',
        errors: (error.errors ?? []).map((e) => ({ field: e.path, message: e.message })),
      };
    throw error;
  }
}
