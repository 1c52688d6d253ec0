/**
 * One row of a spreadsheet import, read through central's column mapping into a
 * registration: each field checked as the officer's form would check it, the dates the
 * register's own, the incoming letter (its number, date and sender) when the register kept its
 * date, and a row key (the letter, or its external reference) that makes a second import of the
 * same row a no-op (how a letter's key is made: import-row-key.ts).
 */
import { z } from 'zod';
import { letterAfterReceipt, type Registration } from './case.ts';
import {
  isPlaceholderLetterNumber,
  legacyLetterRowKey,
  letterRowKey,
  normalizeSenderName,
  unnumberedRowKey,
  wibDay,
} from './import-row-key.ts';
import { CHANNEL_LABELS } from './labels.ts';
import {
  columnTitle,
  csvSeparator,
  headerRowIndex,
  IMPORT_NO_SUCH_DAY,
  IMPORT_NOT_A_DATE,
  IMPORT_UNKNOWN_CHANNEL,
  type ImportField,
  type ImportInput,
  type ImportRowError,
  type ImportRowResult,
} from './schemas/intake.ts';
import { ComplainantSchema, LocationSchema } from './schemas/cases.ts';
import { CHANNELS } from './vocabulary.ts';
import { LETTER_AFTER_RECEIPT } from './schemas/documents.ts';
import { dayParts } from './day-text.ts';
import { inRecordedYears, NOT_IN_RECORDED_YEARS, text } from './schemas/fields.ts';

/** A cell as the sheet reader gives it: text, a date cell, a number, or empty. */
export type Cell = string | number | Date | null;

export interface SheetRow {
  /** The row number in the sheet, as the admin sees it (the column titles' row or any above it is none). */
  readonly row: number;
  /** Cells by column header. */
  readonly cells: Readonly<Record<string, Cell>>;
}

/** A register as the sheet reader gives it: the header row's titles and the rows below it. */
export interface ImportSheet {
  /** The header row's titles, as the file writes them (empty ones left out). */
  readonly headers: readonly string[];
  readonly rows: readonly SheetRow[];
  /**
   * The rows with a value the file has, when the reader kept fewer (`rows`): it stops keeping
   * them well past what one import takes, and the limit's message says how many there were.
   */
  readonly rowCount?: number;
}

/** A column title as a mapping matches it: as people read it, case ignored. */
export const columnKey = (title: string): string => columnTitle(title).toLowerCase();
export { columnTitle, csvSeparator, headerRowIndex };

/**
 * Central's mapping with each title as the sheet writes it (`Nama pengadu` for `Nama Pengadu`,
 * `Tanggal Surat⏎Diterima` for `Tanggal Surat Diterima`), and the fields whose title the sheet
 * does not have: read as empty cells, those would drop what the column holds without a word.
 */
export function resolveMapping(
  mapping: ImportInput['mapping'],
  headers: readonly string[],
): {
  readonly mapping: ImportInput['mapping'];
  readonly missing: readonly ImportField[];
  readonly duplicated: readonly ImportField[];
} {
  const byKey = new Map<string, string>();
  for (const title of headers) if (!byKey.has(columnKey(title))) byKey.set(columnKey(title), title);
  const resolved: Partial<Record<ImportField, string>> = {};
  const missing: ImportField[] = [];
  const duplicated: ImportField[] = [];
  for (const [field, title] of Object.entries(mapping) as [ImportField, string | undefined][]) {
    if (title === undefined) continue;
    const exact = headers.filter((h) => h === title).length;
    const found = exact > 0 ? title : byKey.get(columnKey(title));
    // Two columns of that title (a two-row heading flattened: "Tanggal" received, "Tanggal"
    // of the letter): a row's cell is the last one's, which may not be the column meant.
    const matches = exact || headers.filter((h) => columnKey(h) === columnKey(title)).length;
    if (found === undefined) missing.push(field);
    else if (matches > 1) duplicated.push(field);
    else resolved[field] = found;
  }
  return { mapping: resolved, missing, duplicated };
}

/** An incoming letter's number as the register kept it (the row key of letter imports). */
export interface IncomingLetterRef {
  readonly number: string;
  /**
   * The key imports before the letter's date and sender were in it gave the row (the bare
   * number): a case claiming it is this row's when its date and complainant are the row's.
   */
  readonly legacyKey: string;
}

/** A letter's row as the register wrote it (`ImportRowResult.letter`): what the key normalises. */
export type WrittenLetter = NonNullable<ImportRowResult['letter']>;

export type ReadRow =
  | {
      readonly ok: true;
      readonly registration: Registration;
      readonly rowKey: string;
      readonly written?: WrittenLetter;
      readonly letter: IncomingLetterRef | null;
    }
  | {
      readonly ok: false;
      readonly rowKey: string | null;
      readonly written?: WrittenLetter;
      readonly errors: ImportRowError[];
    };

/** Jakarta is UTC+7 all year: a date without a time is the start of that day in WIB. */
const WIB_OFFSET = '+07:00';

/**
 * A register's date as an instant. Date cells (exceljs gives them as UTC wall-clock),
 * `YYYY-MM-DD`, `DD/MM/YYYY` (the Indonesian order; `-` and `.` too; `YY` is 20YY) and
 * `2 Maret 2026` (`2 Mar 2026`, `02-Mar-2026`, after a weekday: `Senin, 2 Maret 2026`) are days
 * in WIB, with `HH:MM` after them if the register kept the time; a full ISO instant is taken as
 * it is.
 */
export function parseRegisterDate(value: Cell): Date | undefined {
  if (value === null) return undefined;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    const wall = value.toISOString().slice(0, 19);
    return new Date(`${wall}${WIB_OFFSET}`);
  }
  const s = String(value).trim();
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s);
  if (iso) return valid(new Date(s));
  const parts = dayParts(s);
  if (!parts) return undefined;
  const pad = (n: string | undefined) => (n ?? '0').padStart(2, '0');
  const local = `${parts.y}-${pad(parts.m)}-${pad(parts.d)}T${pad(parts.hh)}:${pad(parts.mm)}:00`;
  const date = valid(new Date(`${local}${WIB_OFFSET}`));
  if (!date) return undefined;
  // `31/02/2026` would roll over into March: refuse a day the calendar does not have.
  const wib = new Date(date.getTime() + 7 * 3_600_000);
  return wib.getUTCDate() === Number(parts.d) && wib.getUTCMonth() + 1 === Number(parts.m)
    ? date
    : undefined;
}

const valid = (d: Date): Date | undefined => (Number.isNaN(d.getTime()) ? undefined : d);

const asText = (value: Cell): string | undefined => {
  if (value === null) return undefined;
  const s = value instanceof Date ? value.toISOString() : String(value).trim();
  return s === '' ? undefined : s;
};

/** The complainant's fields a row may fill besides the name. */
const IDENTITY_FIELDS = ['idNumber', 'email', 'phone', 'address'] as const;

/**
 * Fields Excel spoils in a number cell: a NIK's 16th digit is rounded away (15 significant
 * digits), a phone number loses its leading 0. Only a text cell keeps them as typed.
 */
const TEXT_ONLY_FIELDS = ['complainant.idNumber', 'complainant.phone'] as const;
/**
 * A number cell as a CSV writes it: Excel saves a long number in scientific notation, with the
 * decimal mark of its locale (`3,20101E+15` in Indonesian, `3.20101E+15`): its digits are gone.
 */
const SCIENTIFIC_NUMBER = /^[+-]?\d+([.,]\d+)?E[+-]?\d+$/i;
const isNumberCell = (value: Cell): boolean =>
  typeof value === 'number' || (typeof value === 'string' && SCIENTIFIC_NUMBER.test(value.trim()));
export const NUMBER_CELL =
  'a number cell (a NIK loses digits, a phone its leading 0): format the column as text';
export const NAME_WITH_IDENTITY =
  'required when the row has the complainant’s NIK, phone, e-mail or address';

type Channel = (typeof CHANNELS)[number];

/** A channel cell compared as people write it: case, spaces and punctuation do not matter. */
const channelKey = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * What registers write in the channel column, each word with its channel: the codes, the words
 * Pantau's own cases.csv writes (CHANNEL_LABELS), the console's English ones, and the words
 * registers use (`pos`, `e-mail`, `langsung`, `LAPOR!`, `medsos`…).
 */
const CHANNEL_WORDS: ReadonlyMap<string, Channel> = new Map(
  Object.entries({
    letter: ['surat', 'pos', 'surat pos', 'surat masuk', 'letter', 'post'],
    email: ['surel', 'email', 'e-mail', 'surat elektronik'],
    walk_in: ['datang langsung', 'langsung', 'tatap muka', 'walk-in'],
    lapor: ['lapor', 'lapor!', 'sp4n-lapor!', 'sp4n lapor', 'sp4n'],
    social_media: ['media sosial', 'medsos', 'sosmed', 'social media'],
    web: ['formulir pengaduan daring', 'formulir daring', 'daring', 'online form', 'website'],
    other: ['lainnya', 'lain-lain', 'lain', 'other'],
  } satisfies Record<Channel, readonly string[]>).flatMap(([channel, words]) =>
    [channel, CHANNEL_LABELS[channel as Channel], ...words].map(
      (word) => [channelKey(word), channel as Channel] as const,
    ),
  ),
);

/** The channel a cell names, if it names one. */
const channelOf = (cell: string): Channel | undefined => CHANNEL_WORDS.get(channelKey(cell));

/**
 * A case schema's issue on a cell: its English message, with its kind and bounds for a client
 * to word as its forms word that schema's issues (the console's `issueOf`).
 */
function schemaError(field: string, issue: z.core.$ZodIssue): ImportRowError {
  const raw = issue as unknown as Record<string, unknown>;
  const word = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const bound = (v: unknown) =>
    typeof v === 'number' || typeof v === 'bigint' ? Number(v) : undefined;
  const error: ImportRowError = {
    field,
    message: issue.message,
    code: issue.code,
    origin: word(raw.origin),
    format: word(raw.format),
    expected: word(raw.expected),
    minimum: bound(raw.minimum),
    maximum: bound(raw.maximum),
  };
  return Object.fromEntries(
    Object.entries(error).filter(([, v]) => v !== undefined),
  ) as unknown as ImportRowError;
}

const RowSchema = z.object({
  subject: text(200),
  description: text(20_000),
  channel: z.enum(CHANNELS),
  complainant: ComplainantSchema.optional(),
  respondent: text(200).optional(),
  location: LocationSchema.optional(),
  letterNumber: text(100).optional(),
  externalId: text(100).optional(),
});

/** Whether a cell holds anything: exceljs gives an empty one as null, a CSV as blank text. */
const filled = (value: Cell): boolean =>
  value !== null && (typeof value !== 'string' || value.trim() !== '');

/**
 * The sender of an incoming letter whose register names no one: the register's own word for
 * such a letter (`ANONIM` in an unnumbered row's key), and what the forwarding letter then says
 * ("surat nomor 12/2026 tanggal 2 Maret 2026 dari Anonim"): it names no one, as the letter did.
 */
const ANONYMOUS_SENDER = 'Anonim';

/**
 * Why a date cell cannot be taken, if it cannot: not a date, a day its month does not have
 * (`31/04/2025`, written in a form the import reads), in the future, or 1926 for 2026.
 */
function dateProblem(cell: Cell, date: Date | undefined, now: Date): string | undefined {
  if (!date)
    return typeof cell === 'string' && dayParts(cell.trim())
      ? IMPORT_NO_SUCH_DAY
      : IMPORT_NOT_A_DATE;
  if (date.getTime() > now.getTime()) return 'in the future';
  // 1926 typed for 2026, or year 0: refused as the officer's form refuses it.
  if (!inRecordedYears(date)) return NOT_IN_RECORDED_YEARS;
  return undefined;
}

/** Reads one row through the mapping; `now` bounds the dates (none in the future). */
export function readRow(
  row: SheetRow,
  options: Pick<ImportInput, 'mapping' | 'externalSystem' | 'defaultChannel'>,
  now: Date,
): ReadRow {
  const cell = (field: ImportField): Cell => {
    const column = options.mapping[field];
    return column === undefined ? null : (row.cells[column] ?? null);
  };
  const errors: ImportRowError[] = [];
  const numberCell = asText(cell('letterNumber'));
  // `-` or `tanpa nomor` is a letter without a number, not a number every such letter shares.
  const letterNumber =
    numberCell && !isPlaceholderLetterNumber(numberCell) ? numberCell : undefined;
  const externalId = asText(cell('externalRef.id'));
  const receivedAt = parseRegisterDate(cell('receivedAt'));
  const name = asText(cell('complainant.name'));
  const subjectCell = asText(cell('subject'));
  const rowKey = letterNumber
    ? letterRowKey(letterNumber, receivedAt, name)
    : externalId && options.externalSystem
      ? `${options.externalSystem}:${externalId}`
      : receivedAt && subjectCell
        ? unnumberedRowKey(receivedAt, subjectCell, name)
        : null;
  // What the key says, as the register wrote it (the key is upper case, for matching).
  const written: WrittenLetter | undefined =
    rowKey?.startsWith('letter:') || rowKey?.startsWith('unnumbered:')
      ? {
          ...(letterNumber ? { number: letterNumber } : {}),
          ...(receivedAt ? { receivedOn: wibDay(receivedAt) } : {}),
          ...(name && normalizeSenderName(name) ? { sender: name } : {}),
          ...(!letterNumber && subjectCell ? { subject: subjectCell } : {}),
        }
      : undefined;
  // An empty cell is a field left out, worded as the forms word one (`invalid_type`: "wajib
  // diisi"), not a date that cannot be read.
  const receivedProblem = dateProblem(cell('receivedAt'), receivedAt, now);
  if (!filled(cell('receivedAt')))
    errors.push({ field: 'receivedAt', message: 'required', code: 'invalid_type' });
  else if (receivedProblem) errors.push({ field: 'receivedAt', message: receivedProblem });
  // The letter's own date, when the register kept it (an empty cell: not kept). It is not in
  // the row key: rows imported before it was mapped are the same rows.
  const letterDateCell = cell('letterDate');
  const letterDated = filled(letterDateCell);
  const letterDate = letterDated ? parseRegisterDate(letterDateCell) : undefined;
  const letterDateProblem = letterDated ? dateProblem(letterDateCell, letterDate, now) : undefined;
  if (letterDateProblem) errors.push({ field: 'letterDate', message: letterDateProblem });
  // A letter dated after it came in: the register's day and month swapped (03/04 for 04/03).
  else if (letterDate && receivedAt && letterAfterReceipt(wibDay(letterDate), receivedAt))
    errors.push({ field: 'letterDate', message: LETTER_AFTER_RECEIPT });

  for (const field of TEXT_ONLY_FIELDS)
    if (isNumberCell(cell(field))) errors.push({ field, message: NUMBER_CELL });
  const identity = Object.fromEntries(
    IDENTITY_FIELDS.map((k) => [k, asText(cell(`complainant.${k}`))] as const).filter(
      ([, v]) => v !== undefined,
    ),
  );
  // A NIK or an address without a name is a complainant the register named elsewhere, not an
  // anonymous complaint: refused, so the identity is not thrown away.
  const nameMissing = !name && Object.keys(identity).length > 0;
  if (nameMissing) errors.push({ field: 'complainant.name', message: NAME_WITH_IDENTITY });
  const complainant = name ? { name, ...identity } : undefined;
  // `Surat`, `LAPOR!`, `walk_in`: a word for a channel, or the import's default when empty.
  const channelCell = asText(cell('channel'));
  const channel = channelCell === undefined ? options.defaultChannel : channelOf(channelCell);
  if (!channel) errors.push({ field: 'channel', message: IMPORT_UNKNOWN_CHANNEL });
  const province = asText(cell('location.province'));
  const regency = asText(cell('location.regency'));
  const candidate = {
    subject: asText(cell('subject')),
    description: asText(cell('description')),
    channel: channel ?? options.defaultChannel,
    complainant,
    respondent: asText(cell('respondent')),
    location:
      province || regency
        ? { ...(province ? { province } : {}), ...(regency ? { regency } : {}) }
        : undefined,
    letterNumber,
    externalId,
  };
  const parsed = RowSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.join('.');
      // A number cell's own error says what to do; the schema's would only say it is wrong.
      if (!errors.some((e) => e.field === field)) errors.push(schemaError(field, issue));
    }
  }
  // A row without a key lacks its date or subject too (a letter needs no number), which its
  // own error names: "no number" beside it would ask for a number the letter need not have.
  if (!rowKey && errors.length === 0)
    errors.push({ field: 'rowKey', message: 'no letter number nor external id' });
  if (errors.length > 0 || !parsed.success || !receivedAt || !rowKey)
    return { ok: false, rowKey, ...(written ? { written } : {}), errors };
  const r = parsed.data;
  const externalRef =
    r.externalId && options.externalSystem
      ? { system: options.externalSystem, id: r.externalId }
      : undefined;
  if (r.channel === 'lapor' && externalRef?.system !== 'lapor')
    return {
      ok: false,
      rowKey,
      ...(written ? { written } : {}),
      errors: [{ field: 'externalRef.id', message: 'a lapor row needs its LAPOR! report id' }],
    };
  // The case's incoming letter needs its date: without one (not mapped, or left empty) none is
  // made up, and the number stays on the registration event only (use-cases/import.ts).
  const incoming =
    r.letterNumber && letterDate
      ? {
          number: r.letterNumber,
          date: wibDay(letterDate),
          sender: r.complainant?.name ?? ANONYMOUS_SENDER,
        }
      : undefined;
  return {
    ok: true,
    rowKey,
    ...(written ? { written } : {}),
    letter: r.letterNumber
      ? { number: r.letterNumber, legacyKey: legacyLetterRowKey(r.letterNumber) }
      : null,
    registration: {
      channel: r.channel,
      receivedAt: receivedAt.toISOString(),
      // A register without names is a register of anonymous complaints.
      complainant: r.complainant ?? null,
      subject: r.subject,
      description: r.description,
      ...(r.respondent ? { respondent: r.respondent } : {}),
      ...(r.location ? { location: r.location } : {}),
      ...(externalRef ? { externalRef } : {}),
      ...(incoming ? { letter: incoming } : {}),
    },
  };
}
