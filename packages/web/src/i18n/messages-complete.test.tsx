/**
 * The message mapping stays complete: every problem code the API can answer, and every kind of
 * issue the API's schemas raise on bad input, reads as a sentence in Indonesian and in English,
 * naming the field, with no zod text, pattern or field key in it.
 */
import * as schemas from '@pantau/core/schemas';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Schemas } from '../api/client';
import { problemSentence } from '../components/ui';
import { ApiError } from '../api/client';
import {
  fieldSentence,
  issueOf,
  KNOWN_MESSAGES,
  serverIssue,
  ZOD_ISSUE_CODES,
} from '../forms/field-errors';
import { translator } from './i18n';
import { messages } from './messages';

type Code = Schemas['Problem']['code'];
/**
 * Every code of the contract's enum, written out (the console takes only the schemas from
 * core): `_AllProblemCodes` fails to compile when the contract gains one not listed here.
 */
const PROBLEM_CODES = [
  'validation_failed',
  'unauthorized',
  'forbidden',
  'not_found',
  'already_exists',
  'invalid_transition',
  'version_conflict',
  'precondition_failed',
  'idempotency_key_reused',
  'limit_exceeded',
  'service_unavailable',
  'rate_limited',
  'payload_too_large',
  'http_error',
  'internal_error',
  'unsupported_media_type',
  'scan_pending',
  'scan_refused',
] as const satisfies readonly Code[];
type Exhaustive<T extends never> = T;
export type _AllProblemCodes = Exhaustive<Exclude<Code, (typeof PROBLEM_CODES)[number]>>;

const LANGS = ['id', 'en'] as const;
/** What must never reach the screen: zod's words, a pattern, a record id. */
const LEAKS = /expected|diharapkan|undefined|\/\^|[0-9A-HJKMNP-TV-Z]{26}|\{\w+\}/;

const problem = (code: Code) =>
  new ApiError(400, {
    type: `urn:pantau:problem:${code}`,
    title: 'x',
    status: 400,
    code,
    detail: 'extension request 01KMM0000000000000000000AB is still pending',
    requestId: 'r',
  });

describe('problem codes', () => {
  it.each(LANGS)('each code the API can answer has its own sentence (%s)', (lang) => {
    const t = translator(lang);
    const sentences = PROBLEM_CODES.map((code) => problemSentence(t, problem(code)));
    for (const [i, sentence] of sentences.entries()) {
      expect(sentence, PROBLEM_CODES[i]).toMatch(/[.!]$/);
      expect(sentence, PROBLEM_CODES[i]).not.toMatch(LEAKS);
      expect(sentence, PROBLEM_CODES[i]).not.toContain(PROBLEM_CODES[i]);
    }
    expect(new Set(sentences).size).toBe(PROBLEM_CODES.length);
  });
});

describe('limits reached', () => {
  it.each(LANGS)('each limit the API names has a sentence of its own (%s)', (lang) => {
    const t = translator(lang);
    const generic = problemSentence(t, problem('limit_exceeded'));
    const sentences = schemas.LIMITS.map((limit) =>
      problemSentence(
        t,
        new ApiError(422, {
          type: 'urn:pantau:problem:limit_exceeded',
          title: 'x',
          status: 422,
          code: 'limit_exceeded',
          detail: 'x',
          requestId: 'r',
          limit,
        }),
      ),
    );
    for (const [i, sentence] of sentences.entries()) {
      expect(sentence, schemas.LIMITS[i]).toMatch(/[.!]$/);
      expect(sentence, schemas.LIMITS[i]).not.toMatch(LEAKS);
      expect(sentence, schemas.LIMITS[i]).not.toBe(generic);
    }
    expect(new Set(sentences).size).toBe(schemas.LIMITS.length);
  });
});

/** Objects and arrays of the schema, one level at a time, with a bad value at each key. */
function badInputs(schema: z.ZodType): unknown[] {
  const BAD = [undefined, 42, '', 'x'.repeat(25_000), [], {}, -5, 'not valid', true];
  const shape = (s: z.ZodType): Record<string, z.ZodType> | null => {
    const def = (s as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
    if (def.type === 'object') return def.shape as Record<string, z.ZodType>;
    if (def.innerType) return shape(def.innerType as z.ZodType);
    if (def.type === 'pipe') return shape(def.in as z.ZodType);
    return null;
  };
  const top = shape(schema);
  if (!top) return BAD;
  const inputs: unknown[] = [{}, { extra: 1 }];
  for (const [key, child] of Object.entries(top)) {
    for (const value of BAD) inputs.push({ [key]: value });
    const inner = shape(child);
    if (inner)
      for (const [k2] of Object.entries(inner))
        for (const value of BAD) inputs.push({ [key]: { [k2]: value } });
    inputs.push({ [key]: [{}], [`${key}`]: [{ kind: 'head' }] });
  }
  return inputs;
}

/** The refinements, which only some inputs reach. */
const REFINED: [z.ZodType, unknown][] = [
  [schemas.VerificationBody, { decision: 'accept' }],
  [schemas.VerificationBody, { decision: 'reject', missing: 'KTP' }],
  [schemas.ForwardBody, { assignments: [{ agencyId: 'polri' }, { agencyId: 'polri' }] }],
  [
    schemas.CreateAgencyBody,
    {
      id: 'Bad Id',
      name: 'x',
      kind: 'agency',
      contacts: [{ name: 'a', email: 'a@b.id', kind: 'head' }],
    },
  ],
  [schemas.PolicyBody, { ladder: [{ name: 'x', offsetWorkingDays: 5, relativeTo: 'previous' }] }],
  [schemas.CreateCaseBody, { complainant: { name: 'a', idNumber: '123', phone: '12' } }],
  [
    schemas.CalendarDaysBody,
    {
      days: [
        { date: '2027-01-01', kind: 'national_holiday', name: 'Tahun Baru' },
        { date: '2027-01-01', kind: 'collective_leave', name: 'Cuti bersama' },
      ],
    },
  ],
];

describe('field errors', () => {
  const bodies = Object.entries(schemas).filter(
    ([name, value]) => name.endsWith('Body') && value instanceof z.ZodType,
  ) as [string, z.ZodType][];

  it('covers the schemas the console submits', () => {
    expect(bodies.map(([name]) => name)).toEqual(
      expect.arrayContaining(['CreateCaseBody', 'ForwardBody', 'RedirectBody', 'PolicyBody']),
    );
  });

  it.each(LANGS)(
    'every issue the schemas raise reads as a sentence naming the field (%s)',
    (lang) => {
      const t = translator(lang);
      const kinds = new Set<string>();
      const cases: [z.ZodType, unknown][] = [
        ...bodies.flatMap(([, schema]) =>
          badInputs(schema).map((input) => [schema, input] as [z.ZodType, unknown]),
        ),
        ...REFINED,
      ];
      for (const [schema, input] of cases) {
        const result = schema.safeParse(input);
        if (result.success) continue;
        for (const raw of result.error.issues) {
          const issue = issueOf(raw);
          kinds.add(issue.format ? `${issue.code}:${issue.format}` : issue.code);
          const sentence = fieldSentence(t, issue, 'LABEL');
          expect(sentence, JSON.stringify(raw)).not.toMatch(LEAKS);
          expect(sentence, JSON.stringify(raw)).toMatch(/[.]$/);
          // A refinement's own message always has its sentence, never the catch-all.
          if (raw.code === 'custom') {
            expect(KNOWN_MESSAGES[raw.message], raw.message).toBeDefined();
          }
          // Field-level sentences say which field (group-level ones speak of the form).
          if (!['custom', 'unrecognized_keys'].includes(raw.code) && !KNOWN_MESSAGES[raw.message])
            expect(sentence, JSON.stringify(raw)).toContain('LABEL');
        }
      }
      // The run reached the kinds a form meets (a sign the bad inputs did their work).
      for (const kind of [
        'invalid_type',
        'too_small',
        'too_big',
        'invalid_value',
        'invalid_format:email',
        'invalid_format:datetime',
        'invalid_format:regex',
        'unrecognized_keys',
        'custom',
      ])
        expect([...kinds]).toContain(kind);
    },
  );

  it.each(LANGS)('every kind zod can raise has a sentence (%s)', (lang) => {
    const t = translator(lang);
    for (const code of ZOD_ISSUE_CODES) {
      const sentence = fieldSentence(t, { code, minimum: 2, maximum: 9, origin: 'string' }, 'L');
      expect(sentence, code).not.toMatch(LEAKS);
    }
    expect(fieldSentence(t, serverIssue('must not be in the future'), 'L')).not.toBe(
      fieldSentence(t, serverIssue('something new'), 'L'),
    );
  });

  it('every sentence key exists in both languages', () => {
    for (const key of Object.values(KNOWN_MESSAGES)) {
      expect(messages.id[key]).toBeTruthy();
      expect(messages.en[key]).toBeTruthy();
      expect(messages.id[key]).not.toBe(messages.en[key]);
    }
  });
});
