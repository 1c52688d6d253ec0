/**
 * Field errors as sentences that name the field by its label ("Nama wajib diisi.", "NIK terdiri
 * dari 16 angka."). zod's own texts ("expected string, received undefined", a regex) and field
 * keys never reach the screen: an issue keeps only its kind and bounds, and is worded here, in
 * the user's language, when it is shown.
 */
import type { z } from 'zod';
import type { Translate } from '../i18n/i18n';
import { type MessageKey, messages } from '../i18n/messages';
import {
  ACTIVITY_AGENCY_NOT_ON_CASE,
  AGENCY_ID_RESERVED,
  AGENCY_ID_TAKEN,
  AGENCY_NAME_TAKEN,
  CALENDAR_DAY_TWICE,
  COMPLAINT_ADDRESS_REFUSED,
  SAVED_STEP_KEEPS_ACTION,
  ACTIVITY_AGENCY_PART_ENDED,
  IMPORT_DUPLICATE_COLUMN,
  IMPORT_NO_SUCH_DAY,
  IMPORT_NOT_A_DATE,
  IMPORT_UNKNOWN_CHANNEL,
  LETTER_AFTER_RECEIPT,
  NOT_A_MEMBER_UNIT,
  RESTATE_HIDDEN_EMAIL,
  RESTATE_NOTHING,
} from '@pantau/core/schemas';

/** What is kept of an issue: its kind and bounds (zod's), or the server's message. */
export interface FieldIssue {
  readonly code: string;
  readonly format?: string;
  readonly origin?: string;
  readonly expected?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  /** A refinement's message (the schemas' English, or a console message key), or the server's. */
  readonly message?: string;
}

/**
 * Every kind of issue zod can raise. `satisfies` keeps it complete: a new kind in a zod update
 * fails the type check until it has a sentence (`ISSUE_SENTENCES` below).
 */
export const ZOD_ISSUE_CODES = [
  'invalid_type',
  'too_big',
  'too_small',
  'invalid_format',
  'not_multiple_of',
  'unrecognized_keys',
  'invalid_union',
  'invalid_key',
  'invalid_element',
  'invalid_value',
  'custom',
] as const satisfies readonly z.core.$ZodIssue['code'][];
type Exhaustive<T extends never> = T;
export type _AllIssueCodes = Exhaustive<
  Exclude<z.core.$ZodIssue['code'], (typeof ZOD_ISSUE_CODES)[number]>
>;

/**
 * The refinements' messages in `@pantau/core/schemas` and the domain's field messages (a 400
 * the server found: an unknown agency, a date in the future), each with its sentence.
 */
export const KNOWN_MESSAGES: Record<string, MessageKey> = {
  'a NIK is 16 digits': 'fieldError.nik',
  'not a phone number (08…, +62…, 62…)': 'fieldError.phone',
  'lowercase letters, digits and dashes, 2–40 characters': 'fieldError.agencyId',
  'lowercase letters, digits and underscores, starting with a letter, 1–40 characters':
    'fieldError.stepName',
  'required when decision is accept': 'fieldError.requiredToAccept',
  'only when decision is needs_info': 'fieldError.onlyNeedsInfo',
  'only when decision is reject': 'fieldError.onlyReject',
  'agencies must differ': 'fieldError.agenciesDiffer',
  'at least one liaison contact: warnings and reminders go to the liaisons':
    'fieldError.oneLiaison',
  'warnings before a deadline (negative, relativeTo due), then rungs: the first relativeTo due (≥ 0), the rest relativeTo previous (≥ 1); names unique':
    'fieldError.ladderShape',
  'unknown agency': 'fieldError.unknownAgency',
  'must not be in the future': 'fieldError.future',
  'must not be after to': 'fieldError.fromAfterTo',
  'unknown field': 'fieldError.unknownField',
  'a pattern needs {seq} and may use {month-roman}, {month}, {year}': 'fieldError.numberPattern',
  'a pattern needs {year} and a letter or {month-roman}: unique, never read as a date':
    'fieldError.numberPatternAmbiguous',
  'channel lapor needs externalRef { system: "lapor", id: <report id> }':
    'fieldError.laporNeedsRef',
  'required unless anonymous': 'fieldError.requiredUnlessAnonymous',
  'an anonymous complaint carries no identity': 'fieldError.anonymousNoIdentity',
  'map receivedAt, subject and description': 'fieldError.mapRequired',
  'map a row key: letterNumber or externalRef.id': 'fieldError.mapRowKey',
  'required with an externalRef.id column': 'fieldError.externalSystem',
  // A spreadsheet row's own checks (core's import-row.ts), and zod's word for an empty cell.
  'no letter number nor external id': 'fieldError.importRowKey',
  [IMPORT_NOT_A_DATE]: 'fieldError.importDate',
  [IMPORT_NO_SUCH_DAY]: 'fieldError.importNoSuchDay',
  'in the future': 'fieldError.future',
  'a lapor row needs its LAPOR! report id': 'fieldError.laporNeedsRef',
  'Invalid input: expected string, received undefined': 'fieldError.required',
  'a date from 2000 to 2100': 'fieldError.yearRange',
  'required when the row has the complainant’s NIK, phone, e-mail or address':
    'fieldError.importNameWithIdentity',
  'a number cell (a NIK loses digits, a phone its leading 0): format the column as text':
    'fieldError.importNumberCell',
  'not text: half of a UTF-16 surrogate pair': 'fieldError.invalid',
  [IMPORT_UNKNOWN_CHANNEL]: 'fieldError.importChannel',
  [IMPORT_DUPLICATE_COLUMN]: 'fieldError.importDuplicateColumn',
  'each party at most once': 'fieldError.partyOnce',
  [RESTATE_HIDDEN_EMAIL]: 'caseActions.descriptionRequired',
  [RESTATE_NOTHING]: 'restate.nothing',
  [ACTIVITY_AGENCY_NOT_ON_CASE]: 'fieldError.activityAgencyNotOnCase',
  [ACTIVITY_AGENCY_PART_ENDED]: 'fieldError.activityAgencyPartEnded',
  [LETTER_AFTER_RECEIPT]: 'fieldError.letterAfterReceipt',
  [COMPLAINT_ADDRESS_REFUSED]: 'fieldError.complaintAddress',
  [NOT_A_MEMBER_UNIT]: 'fieldError.notMemberUnit',
  [AGENCY_NAME_TAKEN]: 'fieldError.agencyNameTaken',
  [AGENCY_ID_TAKEN]: 'fieldError.agencyIdTaken',
  [AGENCY_ID_RESERVED]: 'fieldError.agencyIdReserved',
  [CALENDAR_DAY_TWICE]: 'fieldError.dayTwice',
  [SAVED_STEP_KEEPS_ACTION]: 'fieldError.savedStepKeepsAction',
};

/**
 * The domain's messages that carry a number (an import's `the same key as row 3`): the
 * message's pattern, its sentence, and the name of the number in it.
 */
const NUMBERED_MESSAGES: readonly (readonly [RegExp, MessageKey, string])[] = [
  [/^the same key as row (\d+)$/, 'fieldError.sameKeyAsRow', 'row'],
];

/**
 * A zod issue, or one the server answered with its kind and bounds (an import row's cell,
 * refused by the same case schemas as the forms): kept to be worded as the forms word it.
 */
export function issueOf(
  issue: z.core.$ZodIssue | (ReportedIssue & { readonly code: string }),
): FieldIssue {
  const bound = (v: unknown) =>
    typeof v === 'number' || typeof v === 'bigint' ? Number(v) : undefined;
  const raw = issue as unknown as Record<string, unknown>;
  return strip({
    code: issue.code,
    format: typeof raw.format === 'string' ? raw.format : undefined,
    origin: typeof raw.origin === 'string' ? raw.origin : undefined,
    expected: typeof raw.expected === 'string' ? raw.expected : undefined,
    minimum: bound(raw.minimum),
    maximum: bound(raw.maximum),
    message: issue.message,
  });
}

/** A field error from the server's 400 (`errors[]`): only its message, which we may know. */
export const serverIssue = (message: string): FieldIssue => ({ code: 'server', message });

/** A field error the server answered with, as the import report gives it: its kind if it has one. */
export type ReportedIssue = Omit<FieldIssue, 'code'> & {
  readonly code?: string;
  readonly message: string;
};

/** A reported field error: worded as a form's issue when it has its kind, else as a 400's. */
export const reportedIssue = (issue: ReportedIssue): FieldIssue =>
  issue.code ? issueOf({ ...issue, code: issue.code }) : serverIssue(issue.message);

function strip(issue: { [K in keyof FieldIssue]: FieldIssue[K] | undefined }): FieldIssue {
  return Object.fromEntries(
    Object.entries(issue).filter(([, v]) => v !== undefined),
  ) as unknown as FieldIssue;
}

/**
 * The sentence for one issue on the field labelled `label`; a `choice` (a group of radio
 * buttons) left empty is to be chosen ("wajib dipilih"), not filled in.
 */
export function fieldSentence(
  t: Translate,
  issue: FieldIssue,
  label: string | undefined,
  choice = false,
): string {
  const vars = { label: label ?? t('fieldError.field') };
  const known = issue.message ? KNOWN_MESSAGES[issue.message] : undefined;
  if (known) return t(known, vars);
  for (const [pattern, key, name] of NUMBERED_MESSAGES) {
    const match = issue.message ? pattern.exec(issue.message) : null;
    if (match?.[1]) return t(key, { ...vars, [name]: match[1] });
  }
  switch (issue.code) {
    case 'invalid_type':
      // zod's `int` reports a number that is not whole ("2.5") as a type: not an empty field
      // (empty is `expected: number`, received undefined).
      return t(
        choice || issue.expected === 'boolean'
          ? 'fieldError.choose'
          : issue.expected === 'int'
            ? 'fieldError.integer'
            : 'fieldError.required',
        vars,
      );
    case 'invalid_value':
      return t('fieldError.choose', vars);
    case 'too_small':
      return bounded(t, issue, 'min', vars);
    case 'too_big':
      return bounded(t, issue, 'max', vars);
    case 'invalid_format':
      return t(
        issue.format === 'email'
          ? 'fieldError.email'
          : issue.format === 'datetime' || issue.format === 'date'
            ? 'fieldError.date'
            : 'fieldError.format',
        vars,
      );
    case 'not_multiple_of':
      return t('fieldError.integer', vars);
    case 'unrecognized_keys':
      return t('fieldError.unknownField', vars);
    case 'custom':
      // A console refinement carries a message key of its own (`caseActions.missingRequired`).
      return issue.message && issue.message in messages.id
        ? t(issue.message as MessageKey, vars)
        : t('fieldError.invalid', vars);
    case 'server':
      return t('fieldError.server', vars);
    default:
      return t('fieldError.invalid', vars);
  }
}

function bounded(
  t: Translate,
  issue: FieldIssue,
  side: 'min' | 'max',
  vars: { label: string },
): string {
  const n = (side === 'min' ? issue.minimum : issue.maximum) ?? 0;
  if (issue.origin === 'string') {
    if (side === 'min' && n <= 1) return t('fieldError.required', vars);
    return t(side === 'min' ? 'fieldError.tooShort' : 'fieldError.tooLong', { ...vars, n });
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    return t(side === 'min' ? 'fieldError.tooFew' : 'fieldError.tooMany', { ...vars, n });
  }
  return t(side === 'min' ? 'fieldError.tooSmall' : 'fieldError.tooBig', { ...vars, n });
}
