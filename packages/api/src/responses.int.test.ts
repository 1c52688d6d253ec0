/**
 * On AWS a response passes through Lambda's JSON envelope of at most 6,291,556 bytes: past it the
 * invocation fails and the officer gets a bare 500. Tried here on DynamoDB Local, through the
 * app and the Lambda adapter the stack runs:
 *
 * - the cases CSV, one file: 1,800 cases with long subjects, each forwarded to 18 agencies with
 *   long names (about 4 KB a row); the same as an Excel workbook, a binary body the adapter
 *   sends as base64;
 * - the lists and searches: 100 cases from one e-mail address whose descriptions are 20,000
 *   characters full of quotes (each quote takes 4 bytes in the envelope: 8 MB for a page of 100).
 */
import { CENTRAL_TENANT, type CaseRecord, Service } from '@pantau/core';
import { caseItem, type DynamoStore } from '@pantau/store';
import ExcelJS from 'exceljs';
import { handle, type LambdaEvent } from 'hono/aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { httpApiEvent } from '../../../bench/lambda-env.ts';
import { batchPut } from '../../../test/support/bulk.ts';
import { testIssuer } from '../../../test/support/tokens.ts';
import { centralAdmin, centralOfficer, freshStore } from '../../../test/support/dynamodb.ts';
import { createApp } from './app.ts';
import { MAX_RESPONSE_BODY_BYTES } from './csv.ts';

/** What Lambda's synchronous invocation may answer (its error names the figure). */
const LAMBDA_RESPONSE_LIMIT = 6_291_556;
const AGENCIES = Array.from({ length: 18 }, (_, i) => `k-${i}`);
const DAYS = 18; // 1 to 18 June 2026
const PER_DAY = 100;
const QUOTED = 100;

let app: ReturnType<typeof createApp>;
let store: DynamoStore;
let bearer: string;

beforeAll(async () => {
  const { verifier, bearer: bearerFor } = await testIssuer();
  bearer = await bearerFor({ sub: 'o1', agency: CENTRAL_TENANT, role: 'central_officer' });
  store = await freshStore();
  const clock = () => new Date('2026-06-20T03:00:00.000Z');
  app = createApp({ store, verifier, clock });
  // One case forwarded to 18 agencies whose names take the 200 characters allowed, copied
  // 1,800 times over 18 days, each copy with its own id, agenda number and 200-character subject.
  const service = new Service({ store, clock });
  for (const id of AGENCIES)
    await service.createAgency(centralAdmin, {
      id,
      name: `${id} `.padEnd(200, 'Kementerian Urusan Pelayanan Publik '),
      kind: 'agency',
      contacts: [{ name: 'Liaison', email: `liaison@${id}.example.go.id` }],
    });
  const created = await service.createCase(centralOfficer, {
    channel: 'letter',
    complainant: { name: 'Pengadu' },
    subject: 'Contoh',
    description: 'Uraian',
  });
  await service.verifyCase(centralOfficer, created.id, { decision: 'accept', type: 'normative' });
  await service.forward(centralOfficer, created.id, {
    assignments: AGENCIES.map((agencyId) => ({ agencyId })),
  });
  const template = (await store.getCase(created.id))!.case;
  expect(template.agencyIds).toHaveLength(AGENCIES.length);
  const copies: CaseRecord[] = [];
  for (let day = 1; day <= DAYS; day += 1)
    for (let i = 0; i < PER_DAY; i += 1) {
      const n = (day - 1) * PER_DAY + i;
      copies.push({
        ...template,
        id: `${template.id.slice(0, 20)}${String(n).padStart(6, '0')}`,
        agendaNumber: `${n + 1}/DUMAS/VI/2026`,
        subject: `Perihal ${n} `.padEnd(200, 'tanah; "sertifikat" belum terbit '),
        receivedAt: `2026-06-${String(day).padStart(2, '0')}T0${1 + Math.floor(i / 60)}:${String(i % 60).padStart(2, '0')}:00.000Z`,
      });
    }
  await batchPut(store, copies.map(caseItem));
  // 100 complaints in May whose descriptions are 20,000 characters, nearly all of them quotes.
  let at = Date.parse('2026-05-04T02:00:00.000Z');
  const may = new Service({ store, clock: () => new Date((at += 60_000)) });
  for (let i = 0; i < QUOTED; i += 1)
    await may.createCase(centralOfficer, {
      channel: 'email',
      complainant: { name: 'Pengadu', email: 'pengadu.berulang@example.com' },
      subject: `Kutipan surat ${i}`,
      description: `${i} kutipan `.padEnd(20_000, '"'),
    });
}, 60_000);

/** A request as the stack serves it: through the Lambda adapter, with its envelope's size. */
async function throughLambda(path: string, query = '', body?: unknown) {
  const lambda = handle(app) as unknown as (event: LambdaEvent) => Promise<{
    statusCode: number;
    body: string;
    headers: Record<string, string>;
    isBase64Encoded: boolean;
  }>;
  const event = httpApiEvent(body ? 'POST' : 'GET', path, { authorization: bearer }, body);
  const result = await lambda({ ...event, rawQueryString: query } as never);
  return { result, envelope: Buffer.byteLength(JSON.stringify(result)) };
}

describe('the cases CSV, one file that must fit one response', () => {
  it('refuses a period holding more than one response can carry, naming `from`, instead of failing on AWS', async () => {
    const { result, envelope } = await throughLambda(
      '/v1/exports/cases.csv',
      'from=2026-06-01&to=2026-06-30',
    );
    expect(result.statusCode).toBe(422);
    expect(result.headers['content-type']).toContain('application/problem+json');
    const problem = JSON.parse(result.body) as {
      code: string;
      detail: string;
      errors: { path: string }[];
    };
    expect(problem.code).toBe('limit_exceeded');
    expect(problem.detail).toContain('6,000,000 bytes');
    expect(problem.errors.map((e) => e.path)).toEqual(['from']);
    expect(envelope).toBeLessThan(10_000);
  });

  it('sends a shorter period whole, within Lambda’s limit even when it nearly fills it', async () => {
    // The 14 newest days: 1,400 rows of about 4 KB, most of what one response can carry.
    const { result, envelope } = await throughLambda(
      '/v1/exports/cases.csv',
      'from=2026-06-05&to=2026-06-18',
    );
    expect(result.statusCode).toBe(200);
    const lines = result.body.trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 14 * PER_DAY);
    expect(lines[1]).toContain('1800/DUMAS/VI/2026');
    expect(lines.at(-1)).toContain('401/DUMAS/VI/2026');
    expect(envelope).toBeGreaterThan(0.8 * MAX_RESPONSE_BODY_BYTES);
    expect(envelope).toBeLessThanOrEqual(LAMBDA_RESPONSE_LIMIT);
  });
});

describe('the cases as an Excel workbook, through the same adapter', () => {
  it('refuses the period the CSV refuses, with the same problem', async () => {
    const query = 'from=2026-06-01&to=2026-06-30';
    const { result, envelope } = await throughLambda('/v1/exports/cases.xlsx', query);
    expect(result.statusCode).toBe(422);
    const { requestId: _, ...problem } = JSON.parse(result.body) as { requestId: string };
    const csv = (await throughLambda('/v1/exports/cases.csv', query)).result;
    const { requestId: __, ...asCsv } = JSON.parse(csv.body) as { requestId: string };
    expect(problem).toEqual(asCsv);
    expect(envelope).toBeLessThan(10_000);
  });

  it('sends the period the CSV sends as base64, which API Gateway turns back into the file', async () => {
    const { result, envelope } = await throughLambda(
      '/v1/exports/cases.xlsx',
      'from=2026-06-05&to=2026-06-18',
    );
    expect(result.statusCode).toBe(200);
    expect(result.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(result.isBase64Encoded).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(result.body, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(1 + 14 * PER_DAY);
    expect(sheet.getRow(2).getCell(1).value).toBe('1800/DUMAS/VI/2026');
    expect(sheet.lastRow!.getCell(1).value).toBe('401/DUMAS/VI/2026');
    // The 18 agencies' names in full, in the one cell.
    expect(String(sheet.getRow(2).getCell(7).value).split('; ')).toHaveLength(AGENCIES.length);
    expect(envelope).toBeLessThanOrEqual(LAMBDA_RESPONSE_LIMIT);
  });
});

describe('a page of a list, which must fit one response whatever its records hold', () => {
  /** Every page of a list through the Lambda adapter: the items' subjects, each envelope. */
  async function walk(
    next: (
      cursor?: string,
    ) => Promise<{ result: { statusCode: number; body: string }; envelope: number }>,
  ) {
    const subjects: string[] = [];
    const envelopes: number[] = [];
    let cursor: string | undefined;
    do {
      const { result, envelope } = await next(cursor);
      expect(result.statusCode).toBe(200);
      envelopes.push(envelope);
      const page = JSON.parse(result.body) as {
        items: { subject: string }[];
        nextCursor: string | null;
      };
      subjects.push(...page.items.map((c) => c.subject));
      cursor = page.nextCursor ?? undefined;
    } while (cursor && envelopes.length < 10);
    return { subjects, envelopes };
  }
  const expected = Array.from({ length: QUOTED }, (_, i) => `Kutipan surat ${QUOTED - 1 - i}`);

  it('central’s case list cuts a page of 100 such cases short, and the next page goes on', async () => {
    const { subjects, envelopes } = await walk((cursor) =>
      throughLambda('/v1/cases', `status=received&limit=100${cursor ? `&cursor=${cursor}` : ''}`),
    );
    // Newest first, each once: none skipped at a cut, none repeated.
    expect(subjects).toEqual(expected);
    expect(envelopes.length).toBeGreaterThan(1);
    for (const envelope of envelopes) expect(envelope).toBeLessThanOrEqual(LAMBDA_RESPONSE_LIMIT);
  });

  it('a search by the e-mail address that sent them all does the same', async () => {
    const { subjects, envelopes } = await walk((cursor) =>
      throughLambda('/v1/search', '', {
        q: 'pengadu.berulang@example.com',
        limit: 100,
        ...(cursor ? { cursor } : {}),
      }),
    );
    expect(subjects).toEqual(expected);
    expect(envelopes.length).toBeGreaterThan(1);
    for (const envelope of envelopes) expect(envelope).toBeLessThanOrEqual(LAMBDA_RESPONSE_LIMIT);
  });

  it('a word search does the same', async () => {
    const { subjects, envelopes } = await walk((cursor) =>
      throughLambda('/v1/search', '', { q: 'kutipan', limit: 100, ...(cursor ? { cursor } : {}) }),
    );
    expect(subjects).toEqual(expected);
    expect(envelopes.length).toBeGreaterThan(1);
    for (const envelope of envelopes) expect(envelope).toBeLessThanOrEqual(LAMBDA_RESPONSE_LIMIT);
  });
});
