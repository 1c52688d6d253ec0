/**
 * One row of a spreadsheet import, read through central's column mapping into a
 * registration: each field checked as the officer's form would check it, the dates the
 * register's own, and a row key (letter number or external reference) that makes a second
 * import of the same row a no-op.
 */
import { z } from 'zod';
import type { Registration } from './case.ts';
import type { ImportField, ImportInput } from './schemas/intake.ts';
import { ComplainantSchema, LocationSchema } from './schemas/cases.ts';
import { CHANNELS } from './schemas/common.ts';
import { inRecordedYears, NOT_IN_RECORDED_YEARS, text } from './schemas/fields.ts';

/** A cell as the sheet reader gives it: text, a date cell, a number, or empty. */
export type Cell = string | number | Date | null;

export interface SheetRow {
  /** The row number in the sheet (the header is row 1). */
  readonly row: number;
  /** Cells by column header. */
  readonly cells: Readonly<Record<string, Cell>>;
}

/** An incoming letter's number as the register kept it (the row key of letter imports). */
export interface IncomingLetterRef {
  readonly number: string;
}

export type ReadRow =
  | {
      readonly ok: true;
      readonly registration: Registration;
      readonly rowKey: string;
      readonly letter: IncomingLetterRef | null;
    }
  | {
      readonly ok: false;
      readonly rowKey: string | null;
      readonly errors: { field: string; message: string }[];
    };

/** Jakarta is UTC+7 all year: a date without a time is the start of that day in WIB. */
const WIB_OFFSET = '+07:00';

/**
 * A register's date as an instant. Date cells (exceljs gives them as UTC wall-clock) and
 * `YYYY-MM-DD` or `DD/MM/YYYY` (the Indonesian order; `-` and `.` too) are days in WIB, with
 * `HH:MM` after them if the register kept the time; a full ISO instant is taken as it is.
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
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2})[:.](\d{2}))?$/.exec(s);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+(\d{1,2})[:.](\d{2}))?$/.exec(s);
  const parts = ymd
    ? { y: ymd[1]!, m: ymd[2]!, d: ymd[3]!, hh: ymd[4], mm: ymd[5] }
    : dmy
      ? { y: dmy[3]!, m: dmy[2]!, d: dmy[1]!, hh: dmy[4], mm: dmy[5] }
      : undefined;
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

/** A letter number compared as the register means it: case, spaces and repeats do not matter. */
export const normalizeLetterNumber = (n: string): string =>
  n.trim().toUpperCase().replace(/\s+/g, '');

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
  const errors: { field: string; message: string }[] = [];
  const letterNumber = asText(cell('letterNumber'));
  const externalId = asText(cell('externalRef.id'));
  const rowKey = letterNumber
    ? `letter:${normalizeLetterNumber(letterNumber)}`
    : externalId && options.externalSystem
      ? `${options.externalSystem}:${externalId}`
      : null;
  if (!rowKey) errors.push({ field: 'rowKey', message: 'no letter number nor external id' });

  const receivedAt = parseRegisterDate(cell('receivedAt'));
  if (!receivedAt)
    errors.push({
      field: 'receivedAt',
      message: 'not a date (YYYY-MM-DD, DD/MM/YYYY or a date cell)',
    });
  else if (receivedAt.getTime() > now.getTime())
    errors.push({ field: 'receivedAt', message: 'in the future' });
  // 1926 typed for 2026, or year 0: refused as the officer's form refuses it.
  else if (!inRecordedYears(receivedAt))
    errors.push({ field: 'receivedAt', message: NOT_IN_RECORDED_YEARS });

  const name = asText(cell('complainant.name'));
  const complainant = name
    ? Object.fromEntries(
        (['name', 'idNumber', 'email', 'phone', 'address'] as const)
          .map((k) => [k, asText(cell(`complainant.${k}`))] as const)
          .filter(([, v]) => v !== undefined),
      )
    : undefined;
  const province = asText(cell('location.province'));
  const regency = asText(cell('location.regency'));
  const candidate = {
    subject: asText(cell('subject')),
    description: asText(cell('description')),
    channel: (asText(cell('channel')) ?? options.defaultChannel).toLowerCase(),
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
    for (const issue of parsed.error.issues)
      errors.push({ field: issue.path.join('.'), message: issue.message });
  }
  if (errors.length > 0 || !parsed.success || !receivedAt || !rowKey)
    return { ok: false, rowKey, errors };
  const r = parsed.data;
  const externalRef =
    r.externalId && options.externalSystem
      ? { system: options.externalSystem, id: r.externalId }
      : undefined;
  if (r.channel === 'lapor' && externalRef?.system !== 'lapor')
    return {
      ok: false,
      rowKey,
      errors: [{ field: 'externalRef.id', message: 'a lapor row needs its LAPOR! report id' }],
    };
  return {
    ok: true,
    rowKey,
    letter: r.letterNumber ? { number: r.letterNumber } : null,
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
    },
  };
}
