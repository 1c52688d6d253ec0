/**
 * The cases CSV of one agency (`?agencyId=`) reads every case of the period and keeps those
 * forwarded to it: few rows, so the file's byte bound never trips, and a multi-year period was
 * read whole in one request, past API Gateway's 29 s. The export now has a read budget (pages of
 * cases read); past it before the period's end the answer is the byte bound's: a 422
 * `limit_exceeded` naming `from`. Here the budget is one read (of at most 1,000 cases), on
 * DynamoDB Local, through the app; the worklist's file shares it (one read of 100 assignments).
 */
import { CENTRAL_TENANT, type CaseRecord, Service } from '@pantau/core';
import { assignmentItem, caseItem, type DynamoStore } from '@pantau/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { batchPut } from '../../../test/support/bulk.ts';
import { testIssuer } from '../../../test/support/tokens.ts';
import { centralAdmin, centralOfficer, freshStore } from '../../../test/support/dynamodb.ts';
import { createApp } from './app.ts';

const NOW = new Date('2026-06-30T03:00:00.000Z');
const DAYS = 25; // 1 to 25 June 2026
const PER_DAY = 100;
/** Of each day's cases, how many were also forwarded to the sparse agency. */
const SPARSE_PER_DAY = 1;

let app: ReturnType<typeof createApp>;
let store: DynamoStore;
let bearer: string;

beforeAll(async () => {
  const { verifier, bearer: bearerFor } = await testIssuer();
  bearer = await bearerFor({ sub: 'o1', agency: CENTRAL_TENANT, role: 'central_officer' });
  store = await freshStore();
  const clock = () => NOW;
  app = createApp({ store, verifier, clock, exportReads: 1 });
  const service = new Service({ store, clock });
  for (const id of ['common', 'sparse'])
    await service.createAgency(centralAdmin, {
      id,
      name: `Instansi ${id}`,
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
  await service.forward(centralOfficer, created.id, { assignments: [{ agencyId: 'common' }] });
  const template = (await store.getCase(created.id))!.case;
  // 2,500 cases over 25 days, all forwarded to `common`, one a day to `sparse` as well.
  const copies: CaseRecord[] = [];
  for (let day = 1; day <= DAYS; day += 1)
    for (let i = 0; i < PER_DAY; i += 1) {
      const n = (day - 1) * PER_DAY + i;
      copies.push({
        ...template,
        id: `${template.id.slice(0, 20)}${String(n).padStart(6, '0')}`,
        agendaNumber: `${n + 1}/DUMAS/VI/2026`,
        subject: `Perihal ${n}`,
        agencyIds: i < SPARSE_PER_DAY ? ['common', 'sparse'] : ['common'],
        receivedAt: `2026-06-${String(day).padStart(2, '0')}T0${1 + Math.floor(i / 60)}:${String(i % 60).padStart(2, '0')}:00.000Z`,
      });
    }
  await batchPut(store, copies.map(caseItem));
}, 60_000);

const exportOf = (query: string, format: 'csv' | 'xlsx' = 'csv') =>
  app.request(`/v1/exports/cases.${format}?${query}`, { headers: { authorization: bearer } });

describe('the cases CSV of one agency, within a read budget', () => {
  it('refuses a period longer than the budget reads, naming `from`, and sends nothing', async () => {
    // 2,500 cases to read for 25 rows: past one read of 1,000 before the period's end.
    const res = await exportOf('from=2026-06-01&to=2026-06-25&agencyId=sparse');
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await res.json()) as {
      code: string;
      detail: string;
      errors: { path: string }[];
    };
    expect(problem.code).toBe('limit_exceeded');
    expect(problem.detail).toContain('export a shorter period');
    expect(problem.errors.map((e) => e.path)).toEqual(['from']);
  });

  it('refuses the same period as an Excel workbook, with the same problem', async () => {
    const query = 'from=2026-06-01&to=2026-06-25&agencyId=sparse';
    const res = await exportOf(query, 'xlsx');
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const { requestId: _, ...problem } = (await res.json()) as { requestId: string };
    const { requestId: __, ...asCsv } = (await (await exportOf(query)).json()) as {
      requestId: string;
    };
    expect(problem).toEqual(asCsv);
  });

  it('sends a shorter period whole: every case of it forwarded to the agency', async () => {
    // 500 cases to read, one read: its 5 rows.
    const res = await exportOf('from=2026-06-21&to=2026-06-25&agencyId=sparse');
    expect(res.status).toBe(200);
    const lines = (await res.text()).trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 5 * SPARSE_PER_DAY);
    expect(lines[1]).toContain('2401/DUMAS/VI/2026');
    expect(lines.at(-1)).toContain('2001/DUMAS/VI/2026');
  });
});

/**
 * Central's worklist as a file (`GET /v1/exports/assignments.csv`, `.xlsx`) reads the worklist
 * page after page (100 assignments a read), within the same read budget: past it the list is
 * refused whole (422 `limit_exceeded`), never cut short to a file that looks complete.
 */
describe('the worklist’s file, within a read budget', () => {
  beforeAll(async () => {
    // 150 open assignments: 100 to `common`, 50 to `sparse`; the whole list takes two reads of
    // the worklist, past the budget of one, and `sparse`'s one.
    const [template] = (await store.listWorklist({ now: NOW }, { limit: 1 })).items;
    await batchPut(
      store,
      Array.from({ length: 149 }, (_, i) =>
        assignmentItem({
          ...template!,
          caseId: `${template!.caseId.slice(0, 20)}W${String(i).padStart(5, '0')}`,
          agencyId: i < 50 ? 'sparse' : 'common',
        }),
      ),
    );
  });

  const worklistOf = (query: string, format: 'csv' | 'xlsx') =>
    app.request(`/v1/exports/assignments.${format}?${query}`, {
      headers: { authorization: bearer },
    });

  it.each(['csv', 'xlsx'] as const)(
    'as %s, refuses a list longer than the budget reads, and sends nothing',
    async (format) => {
      const res = await worklistOf('', format);
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const problem = (await res.json()) as { code: string; detail: string };
      expect(problem.code).toBe('limit_exceeded');
      expect(problem.detail).toContain('filter the list');
    },
  );

  it('sends a list within it whole', async () => {
    const res = await worklistOf('agencyId=sparse', 'csv');
    expect(res.status).toBe(200);
    expect((await res.text()).trimEnd().split('\n')).toHaveLength(1 + 50);
  });
});
