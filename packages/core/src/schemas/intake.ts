/** Intake channels: the public complaint form, and central's spreadsheet import. */
import { z } from 'zod';
import { instant, text } from './fields.ts';
import { TimeZoneSchema } from './common.ts';
import { CHANNELS } from '../vocabulary.ts';
import { ComplainantSchema, ExternalRefSchema, LocationSchema } from './cases.ts';
import { FileNameSchema } from './documents.ts';

/** The public form takes less than central's own: a complaint, not a dossier. */
export const PUBLIC_DESCRIPTION_MAX = 10_000;

/**
 * The public form's attachments: fewer, smaller and narrower than central's (issue 15: 30 per
 * case, 20 MB each, PDF/JPEG/PNG/DOCX). They travel inline (base64) in the complaint itself, so
 * the case and its files are written together or not at all; on AWS the whole request must fit
 * a Lambda invocation (6 MiB): 4 MiB of files is 5.6 MiB in base64, leaving room for the text.
 * A phone photo or a scanned letter fits; a video does not (central can add it later).
 */
export const PUBLIC_ATTACHMENTS = {
  maxFiles: 3,
  maxTotalBytes: 4 * 1024 * 1024,
  types: { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' },
} as const;
/** The request body a complaint may need at most: its files in base64, and the text. */
export const PUBLIC_COMPLAINT_MAX_BODY =
  Math.ceil((PUBLIC_ATTACHMENTS.maxTotalBytes * 4) / 3) + 128 * 1024;

/** Decoded size of a base64 string, without decoding it. */
const base64Bytes = (b64: string): number =>
  Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0);

export const PublicAttachmentBody = z
  .strictObject({
    name: FileNameSchema.meta({ example: 'foto-jalan-rusak.jpg' }),
    content: z
      .base64()
      .min(4)
      .refine((b) => base64Bytes(b) <= PUBLIC_ATTACHMENTS.maxTotalBytes, {
        message: 'at most 4 MB (4,194,304 bytes)',
      })
      .meta({ description: 'The file’s bytes in base64; PDF, JPEG or PNG (detected from them)' }),
  })
  .meta({ id: 'PublicAttachment' });

export const PublicComplaintBody = z
  .strictObject({
    altcha: z.string().min(1).max(8_000).meta({
      description:
        'The ALTCHA widget’s answer (base64 JSON { challenge, solution }) to a challenge from GET /v1/complaints/challenge; each is good for one complaint',
    }),
    anonymous: z
      .boolean()
      .optional()
      .meta({ description: 'Send without any identity (then no complainant)' }),
    complainant: ComplainantSchema.optional().meta({
      description: 'Required unless anonymous',
    }),
    identityHidden: z
      .boolean()
      .optional()
      .meta({ description: 'Central knows who it is; agencies are not told' }),
    confidential: z
      .boolean()
      .optional()
      .meta({ description: 'The tracking page shows the status only' }),
    timeZone: TimeZoneSchema.optional().meta({
      description:
        'The complainant’s zone (the form sends the device’s, when Indonesian): the receipt gives the time of receipt in it. WIB when absent',
    }),
    subject: text(200),
    description: text(PUBLIC_DESCRIPTION_MAX),
    respondent: text(200).optional(),
    location: LocationSchema.optional(),
    attachments: z
      .array(PublicAttachmentBody)
      .max(PUBLIC_ATTACHMENTS.maxFiles, 'at most 3 files')
      .refine(
        (files) =>
          files.reduce((sum, f) => sum + base64Bytes(f.content), 0) <=
          PUBLIC_ATTACHMENTS.maxTotalBytes,
        { message: 'at most 4 MB (4,194,304 bytes) of files together' },
      )
      .optional()
      .meta({
        description:
          'Up to 3 files, 4 MB together: PDF, JPEG or PNG, detected from the bytes (never the name). The case is created with all of them or not at all',
      }),
  })
  .refine((b) => b.anonymous === true || b.complainant !== undefined, {
    path: ['complainant'],
    message: 'required unless anonymous',
  })
  .refine((b) => b.anonymous !== true || b.complainant === undefined, {
    path: ['complainant'],
    message: 'an anonymous complaint carries no identity',
  })
  .meta({ id: 'PublicComplaint' });
export type PublicComplaintInput = z.infer<typeof PublicComplaintBody>;

export const ComplaintReceiptSchema = z
  .object({
    trackingCode: z.string().meta({
      description: 'The complainant’s only credential: shown once, keep it to follow the complaint',
    }),
    receivedAt: instant,
    verificationDueAt: instant.meta({ description: 'Central verifies the complaint by then' }),
    subject: z.string(),
    anonymous: z.boolean(),
    confidential: z.boolean(),
    receipt: z.string().meta({
      description:
        'The receipt (tanda terima) as text, in Indonesian; the time of receipt in the form’s `timeZone` (WIB when it named none)',
    }),
  })
  .meta({ id: 'ComplaintReceipt' });
export type ComplaintReceipt = z.infer<typeof ComplaintReceiptSchema>;

/** An ALTCHA proof-of-work challenge (altcha-lib v2), as the widget reads it. */
export const ChallengeSchema = z
  .object({
    parameters: z.record(z.string(), z.unknown()),
    signature: z.string().optional(),
  })
  .meta({ id: 'AltchaChallenge' });

// ---- spreadsheet import -----------------------------------------------------------------

/** The case fields a spreadsheet column can fill. */
export const IMPORT_FIELDS = [
  'receivedAt',
  'subject',
  'description',
  'channel',
  'complainant.name',
  'complainant.idNumber',
  'complainant.email',
  'complainant.phone',
  'complainant.address',
  'respondent',
  'location.province',
  'location.regency',
  'letterNumber',
  // The letter's own date: with its number, the case's incoming letter (`letter`).
  'letterDate',
  'externalRef.id',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/**
 * A column title as people read it: Unicode NFKC (a full-width or non-breaking space is a
 * space), runs of spaces and line breaks (Excel's Alt+Enter) as one space. The sheet reader,
 * the mapping's matching and the console's reading of a CSV's titles all say it so.
 */
export const columnTitle = (title: string): string =>
  title.normalize('NFKC').replace(/\s+/gu, ' ').trim();

/**
 * Which of a register's rows holds its column titles. Registers open with a title ("BUKU AGENDA
 * SURAT MASUK MARET 2026", merged: one text however many cells it spans), a "Bulan: Maret" line,
 * blank rows: the titles are the first row, of the first 10 that are not empty, with 3 distinct
 * texts (a mapping needs 3 columns: receivedAt, subject, description). None: the first row, as
 * a register without a title. Rows are read only as far as needed (a sheet's rows may be
 * thousands). The sheet reader and the console's reading of a CSV's titles both find it so.
 */
export function headerRowIndex(rows: Iterable<readonly string[]>): number {
  let index = 0;
  let nonEmpty = 0;
  for (const row of rows) {
    const titles = new Set(row.map(columnTitle).filter(Boolean));
    if (titles.size >= 3) return index;
    if (titles.size > 0) nonEmpty += 1;
    if (nonEmpty === 10) break;
    index += 1;
  }
  return 0;
}

/**
 * A CSV's separator: `;` (Excel set to Indonesian, whose decimal mark is a comma) or `,`, as the
 * first line with 2 of either has more of: a line of 3 columns has 2, a title line typed above
 * the column titles has none and does not decide. No such line: the first line decides.
 */
export function csvSeparator(text: string): ';' | ',' {
  const line =
    /^[^;,\r\n]*[;,][^;,\r\n]*[;,].*$/mu.exec(text)?.[0] ?? text.split(/\r?\n/u, 1)[0] ?? '';
  return (line.match(/;/gu)?.length ?? 0) > (line.match(/,/gu)?.length ?? 0) ? ';' : ',';
}

/** An import's file, base64, at most this long: the whole request stays under the API's 1 MiB. */
export const IMPORT_CONTENT_MAX = 1_000_000;
/** The largest file that fits (base64 takes 4 characters for 3 bytes): 750,000 bytes. */
export const IMPORT_FILE_MAX_BYTES = (IMPORT_CONTENT_MAX / 4) * 3;
/**
 * A mapped column title the file's header row does not have (titles are compared after NFKC,
 * with runs of spaces and line breaks as one space, without regard to case): a 400 naming
 * `mapping.<field>`, beside one naming `mapping` that lists the file's titles.
 */
export const IMPORT_NO_SUCH_COLUMN = 'no such column in the file';
/** A register cell the import cannot read as a date (the forms it reads, briefly). */
export const IMPORT_NOT_A_DATE = 'not a date (YYYY-MM-DD, DD/MM/YYYY, 2 Maret 2026 or a date cell)';
/** A date written in a form the import reads whose day the month does not have (31/04). */
export const IMPORT_NO_SUCH_DAY = 'no such day: the month has fewer days';
/** The start of that `mapping` message; the file's column titles follow, a JSON array. */
export const IMPORT_FILE_COLUMNS = 'the file’s columns: ';
/**
 * A mapped title two of the file's columns have: which one's cells to read cannot be known, so
 * the import is refused (a 400 naming `mapping.<field>`) until the titles differ.
 */
export const IMPORT_DUPLICATE_COLUMN = 'more than one column in the file has this title';

export const ImportBody = z
  .strictObject({
    format: z.enum(['xlsx', 'csv']),
    content: z
      .string()
      .min(1)
      .max(IMPORT_CONTENT_MAX)
      .meta({
        description: `The file, base64 (the whole request stays under 1 MiB): a file of at most ${IMPORT_FILE_MAX_BYTES} bytes`,
      }),
    mapping: z.partialRecord(z.enum(IMPORT_FIELDS), text(100)).meta({
      description:
        'Field → the column header that holds it, matched without regard to case, spacing or line breaks (Unicode NFKC): a title the file’s header row does not have is a 400 naming `mapping.<field>` (`no such column in the file`), with an error on `mapping` listing the file’s titles (`the file’s columns: ` and a JSON array); a title two of the file’s columns have is a 400 naming `mapping.<field>` too (`more than one column in the file has this title`): which column is meant cannot be known. `letterDate` (the letter’s own date, read as `receivedAt` is) with `letterNumber` registers the case with its incoming letter (number, date, sender: the complainant, `Anonim` for none), which search finds by its number and the forwarding letter cites; a row without it keeps the number on the registration event only',
    }),
    /** Which system `externalRef.id` values belong to (`lapor` for SP4N-LAPOR! ids). */
    externalSystem: ExternalRefSchema.shape.system.optional(),
    /** The channel of rows without a `channel` column. */
    defaultChannel: z.enum(CHANNELS).default('letter'),
    dryRun: z.boolean().default(true),
  })
  .refine((b) => b.mapping.receivedAt && b.mapping.subject && b.mapping.description, {
    path: ['mapping'],
    message: 'map receivedAt, subject and description',
  })
  .refine((b) => b.mapping.letterNumber || b.mapping['externalRef.id'], {
    path: ['mapping'],
    message: 'map a row key: letterNumber or externalRef.id',
  })
  .refine((b) => !b.mapping['externalRef.id'] || b.externalSystem, {
    path: ['externalSystem'],
    message: 'required with an externalRef.id column',
  })
  .meta({ id: 'ImportRequest' });
export type ImportInput = z.infer<typeof ImportBody>;

export const IMPORT_OUTCOMES = ['ok', 'created', 'exists', 'error', 'pending'] as const;

/** A row's channel cell that is no channel: the words it may say instead. */
export const IMPORT_UNKNOWN_CHANNEL =
  'not a channel: letter, email, walk_in, lapor, social_media, web, other, or its word (Surat, Surel, Datang langsung, SP4N-LAPOR!, Media sosial, Formulir pengaduan daring, Lainnya)';

/**
 * One cell a row could not take. A cell the case schemas refused keeps the kind and
 * bounds (zod's), so a client words it as its own forms word that schema's issues.
 */
export const ImportRowErrorSchema = z
  .object({
    field: z.string(),
    message: z.string().meta({ description: 'What is wrong, in English' }),
    code: z.string().optional().meta({
      description:
        'The schema issue’s kind (zod’s: too_big, too_small, invalid_format…), when a case schema refused the cell',
    }),
    origin: z.string().optional().meta({ description: 'What was measured: string, number…' }),
    format: z.string().optional().meta({ description: 'The format expected: email…' }),
    expected: z.string().optional().meta({ description: 'The type expected' }),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
  })
  .meta({ id: 'ImportRowError' });
export type ImportRowError = z.infer<typeof ImportRowErrorSchema>;

export const ImportRowResultSchema = z
  .object({
    row: z.int().meta({ description: 'The row number in the sheet (the header is row 1)' }),
    rowKey: z.string().nullable(),
    letter: z
      .object({
        number: z.string().optional(),
        receivedOn: z.iso.date().optional().meta({ description: 'The day received, in WIB' }),
        sender: z.string().optional().meta({ description: 'Absent: anonymous' }),
        subject: z.string().optional().meta({ description: 'Only a letter without a number' }),
      })
      .optional()
      .meta({
        description:
          'A letter’s row as the register wrote it, to show (the key’s number, sender and subject are normalised for matching): a row keyed by a letter, numbered or not',
      }),
    outcome: z.enum(IMPORT_OUTCOMES).meta({
      description:
        'ok: would be created (dry run); created; exists: imported before (the case named); error; pending: not reached before the request’s time ran out, or not saved because the store failed for another reason than the row’s cells (that row and the rows after it; send the same file again to go on: the rows done then answer `exists`)',
    }),
    caseId: z.string().nullable(),
    errors: z.array(ImportRowErrorSchema),
  })
  .meta({ id: 'ImportRowResult' });
export type ImportRowResult = z.infer<typeof ImportRowResultSchema>;

export const ImportReportSchema = z
  .object({
    dryRun: z.boolean(),
    rows: z.array(ImportRowResultSchema),
    counts: z.object({
      ok: z.int(),
      created: z.int(),
      exists: z.int(),
      error: z.int(),
      pending: z.int(),
    }),
  })
  .meta({ id: 'ImportReport' });
export type ImportReport = z.infer<typeof ImportReportSchema>;

/** A report's counts: its rows by outcome. */
export const importCounts = (
  rows: readonly Pick<ImportRowResult, 'outcome'>[],
): ImportReport['counts'] => {
  const count = (o: ImportRowResult['outcome']) => rows.filter((r) => r.outcome === o).length;
  return {
    ok: count('ok'),
    created: count('created'),
    exists: count('exists'),
    error: count('error'),
    pending: count('pending'),
  };
};
