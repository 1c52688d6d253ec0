/**
 * The documents' part of the HTTP contract (issue 15): an incoming letter's details, the
 * unit's document settings (letterhead, signatory, numbering), attachments. Pure zod; the
 * case schemas (cases.ts) embed `LetterRefSchema`.
 */
import { z } from 'zod';
import { patternAmbiguity, patternProblem } from '../documents/numbering.ts';
import {
  MAX_ATTACHMENT_BYTES,
  ATTACHMENT_VISIBILITIES,
  ATTACHMENT_STATUSES,
  REFUSED_SCANS,
  MAX_FILE_NAME,
} from '../documents/attachment-vocabulary.ts';
import { calendarDate, instant, text } from './fields.ts';

/** The incoming letter a complaint arrived as: its own number, date and sender. */
/**
 * Why an incoming letter's date is refused (`letter.date`, an import's `letterDate`): after the
 * day it was received, even in the easternmost zone (WIT): a register's day and month swapped.
 */
export const LETTER_AFTER_RECEIPT = 'after the day the letter was received';

export const LetterRefSchema = z
  .strictObject({
    number: text(100).meta({
      description: 'The sender’s letter number',
      example: '045/RT-03/III/2026',
    }),
    date: calendarDate.meta({ description: 'The letter’s date' }),
    sender: text(200).meta({ description: 'Who signed or sent it' }),
  })
  .meta({ id: 'IncomingLetter' });
export type LetterRef = z.infer<typeof LetterRefSchema>;

const pattern = text(100)
  .refine((p) => patternProblem(p) === null, {
    message: 'a pattern needs {seq} and may use {month-roman}, {month}, {year}',
  })
  .refine((p) => patternAmbiguity(p) === null, {
    message: 'a pattern needs {year} and a letter or {month-roman}: unique, never read as a date',
  });

/** NIP (Nomor Induk Pegawai): 18 digits, often written 8 6 1 3 with spaces. */
const nip = z
  .string()
  .trim()
  .regex(/^\d{8} ?\d{6} ?\d ?\d{3}$/, '18 digits (spaces allowed as 8 6 1 3)');

export const DocumentSettingsBody = z
  .strictObject({
    agendaNumberPattern: pattern.meta({ example: '{seq}/DUMAS/{month-roman}/{year}' }),
    letterNumberPattern: pattern.meta({ example: 'B-{seq}/Kemensetneg/D-4/DM.05/{month}/{year}' }),
    letterhead: z.strictObject({
      ministry: text(200),
      unit: text(200),
      address: text(300),
      city: text(100).meta({ description: 'Where letters are dated from' }),
      phone: text(50).optional().meta({
        description:
          'The unit’s telephone, printed under its address; an intervention letter tells the agency it may call it. None: not printed, not said',
        example: '(021) 3845627',
      }),
      email: z.email().max(254).optional().meta({
        description:
          'The unit’s e-mail, printed under its address; an intervention letter tells the agency it may write to it, and the letters’ e-mails answer to it (their Reply-To) unless the deployment names a mailbox. Never a complaint address: one the e-mail intake receives for is refused (400 naming `letterhead.email`), as an agency’s reply would become a new complaint. None: not printed, not said',
        example: 'asdep.dumas@setneg.go.id',
      }),
    }),
    signatory: z.strictObject({ name: text(200), position: text(200), nip }),
    tembusan: z.array(text(200)).max(10).meta({ description: 'Copies (tembusan) on every letter' }),
    version: z.int().min(0).optional().meta({
      description:
        'The settings’ `version` the form was loaded at (0: the defaults, none saved yet): if another admin has saved them since, 409 `version_conflict` and nothing changes: read them again (without it the save replaces whatever is stored)',
    }),
  })
  .meta({ id: 'DocumentSettingsBody' });
export type DocumentSettingsInput = z.infer<typeof DocumentSettingsBody>;

export const DocumentSettingsSchema = DocumentSettingsBody.extend({
  version: z.int(),
  updatedAt: instant.nullable(),
}).meta({ id: 'DocumentSettings' });
export type DocumentSettings = z.infer<typeof DocumentSettingsSchema>;

// ---- attachments ----------------------------------------------------------------------

export const FileNameSchema = text(MAX_FILE_NAME).regex(
  /^[^/\\\u0000-\u001f]+$/,
  'a file name, without slashes or control characters',
);

const AttachedToBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('case') }),
  z.strictObject({ kind: z.literal('response'), agencyId: z.string().min(2).max(40) }),
  z.strictObject({ kind: z.literal('activity'), activityId: z.string().min(1).max(64) }),
]);

export const CreateAttachmentBody = z
  .strictObject({
    name: FileNameSchema.meta({ example: 'surat-pengaduan.pdf' }),
    size: z
      .int()
      .min(1)
      .max(MAX_ATTACHMENT_BYTES, 'at most 20 MB (20,971,520 bytes)')
      .meta({ description: 'The file’s size in bytes, as the browser reports it' }),
    visibility: z
      .enum(ATTACHMENT_VISIBILITIES)
      .optional()
      .meta({
        description:
          'central, or agencies (those the case is forwarded to). Default: agencies, except central for intake scans of a case whose identity is hidden and for activity reports. ' +
          'An agency may send agencies only (its response’s files are its own and central’s): `central` would hide the file from the agency itself, and is refused (400 `validation_failed`, path `visibility`)',
      }),
    attachedTo: AttachedToBody.optional().meta({
      description:
        'The case (central, the default), an agency’s responses (that agency), or an activity report (central)',
    }),
  })
  .meta({ id: 'CreateAttachment' });
export type CreateAttachmentInput = z.infer<typeof CreateAttachmentBody>;

export const UpdateAttachmentBody = z
  .strictObject({ visibility: z.enum(ATTACHMENT_VISIBILITIES) })
  .meta({ id: 'UpdateAttachment' });

export const AttachmentSchema = z
  .object({
    id: z.string(),
    caseId: z.string(),
    name: z.string(),
    contentType: z
      .string()
      .nullable()
      .meta({ description: 'Detected from the bytes on completion' }),
    size: z
      .int()
      .nullable()
      .meta({ description: 'Bytes stored (null until the upload completes)' }),
    sha256: z.string().nullable(),
    status: z.enum(ATTACHMENT_STATUSES),
    refusal: z.string().nullable(),
    scan: z
      .enum(REFUSED_SCANS)
      .nullable()
      .meta({
        description:
          'Refused by the malware scan (found at the first download): `infected`, or `unscannable` ' +
          '(e.g. a password-protected PDF); null otherwise',
      }),
    visibility: z.enum(ATTACHMENT_VISIBILITIES),
    attachedTo: z.object({
      kind: z.enum(['case', 'response', 'activity']),
      agencyId: z.string().nullable(),
      activityId: z.string().nullable(),
    }),
    uploadedBy: z.object({ sub: z.string(), agency: z.string() }),
    uploadedAt: instant,
    completedAt: instant.nullable(),
    version: z.int(),
  })
  .meta({ id: 'Attachment' });
export type AttachmentView = z.infer<typeof AttachmentSchema>;

export const AttachmentUploadSchema = z
  .object({
    attachment: AttachmentSchema,
    upload: z.object({
      url: z.string().meta({
        description:
          'POST a multipart form here: the fields, then `file`. On AWS an absolute S3 URL; embedded root-relative (`/blobs/upload`), on the API’s origin',
      }),
      fields: z.record(z.string(), z.string()),
      maxBytes: z.int(),
      expiresAt: instant,
    }),
  })
  .meta({ id: 'AttachmentUpload' });

export const DownloadSchema = z
  .object({
    url: z.string().meta({
      description:
        'A short-lived link (a few minutes). On AWS an absolute S3 URL; embedded root-relative (`/blobs/download?…`), on the API’s origin',
    }),
    expiresAt: instant,
  })
  .meta({ id: 'Download' });
