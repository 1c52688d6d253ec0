/**
 * The letters log narrowed, through the app (`app.request()`) on DynamoDB Local: by status
 * (which letters did not go out), by step (the formal warnings), by the date a letter bears
 * (what went out this week), together and page after page, each with its total; a filter the
 * route does not know is refused, never ignored (it answered every letter to `?status=failed`).
 */
import {
  addCalendarDays,
  type LadderWrite,
  localDate,
  newEventId,
  type NotificationRecord,
  Service,
} from '@pantau/core';
import type { DynamoStore } from '@pantau/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { testIssuer } from '../../../test/support/tokens.ts';
import {
  addAgencies,
  centralOfficer,
  forwardedCase,
  freshStore,
  officerOf,
} from '../../../test/support/dynamodb.ts';
import { createApp } from './app.ts';

type Letter = {
  id: string;
  agencyId: string;
  step: string;
  status: string;
  createdAt: string;
  datedOn: string | null;
};
type Page = { items: Letter[]; nextCursor: string | null; total?: number };

let app: ReturnType<typeof createApp>;
let store: DynamoStore;
const bearers: Record<string, string> = {};
let caseId: string;
let unitCaseId: string;

const STEPS = [
  ['warning', 'warning'],
  ['reminder_1', 'reminder'],
  ['reminder_2', 'reminder'],
  ['formal_warning', 'formal_warning'],
  ['central_intervention', 'central_intervention'],
] as const;
const STATUSES = ['sent', 'failed', 'sent', 'pending', 'cancelled', 'sent', 'failed'] as const;

/**
 * A rung written at 00:00 WIB on 2 April + `day` (its step's instant, as most are), dated the
 * working day it goes out: one written on a Saturday or a Sunday bears the Monday after.
 */
function letter(agencyId: string, onCase: string, day: number): NotificationRecord {
  const createdAt = new Date(Date.parse('2026-04-01T17:00:00.000Z') + day * 86_400_000);
  const written = localDate(createdAt, 'Asia/Jakarta');
  const weekday = new Date(`${written}T00:00:00.000Z`).getUTCDay();
  const datedOn = addCalendarDays(written, weekday === 6 ? 2 : weekday === 0 ? 1 : 0);
  const of = <T>(list: readonly T[]) => list[((day % list.length) + list.length) % list.length]!;
  const [step, action] = of(STEPS);
  const status = of(STATUSES);
  const id = `N-${agencyId}-${String(day).padStart(2, '0')}`;
  return {
    id,
    caseId: onCase,
    agencyId,
    generation: 1,
    stepId: `${step}#${day}`,
    step,
    action,
    target: 'acknowledge',
    targets: ['acknowledge'],
    channel: 'email',
    recipients: [`liaison@${agencyId}.example.go.id`],
    cc: [],
    status,
    subject: `Surat ${step} ${day}`,
    body: 'Dengan hormat, …',
    scheduledAt: createdAt.toISOString(),
    createdAt: createdAt.toISOString(),
    // Every fifth a letter that bears no date of its own (written before dates were kept): the
    // day it was written, in WIB.
    ...(day % 5 === 2 ? {} : { datedOn }),
    sentAt: status === 'sent' ? createdAt.toISOString() : null,
    attempts: status === 'sent' || status === 'failed' ? 1 : 0,
    lastError: status === 'failed' ? '550 5.1.1 no such mailbox' : null,
    ...(status === 'cancelled'
      ? { cancelled: { at: createdAt.toISOString(), reason: 'targets_met' as const } }
      : {}),
  };
}

/** Writes `letters` of one assignment as its ladder does, five to a transaction. */
async function write(onCase: string, agencyId: string, letters: NotificationRecord[]) {
  for (let i = 0; i < letters.length; i += 5) {
    const bundle = (await store.getCase(onCase))!;
    const ladder = bundle.ladders.find((l) => l.agencyId === agencyId)!;
    const a = bundle.assignments.find((x) => x.agencyId === agencyId)!;
    const batch: LadderWrite = {
      ladder: {
        record: { ...ladder, version: ladder.version + 1 },
        expectedVersion: ladder.version,
      },
      assignment: {
        caseId: onCase,
        agencyId,
        version: a.version,
        delegatedTo: a.delegatedTo ?? null,
      },
      letters: letters.slice(i, i + 5).map((n) => ({
        stepId: n.stepId,
        notification: n,
        event: {
          id: newEventId(new Date(n.createdAt)),
          caseId: onCase,
          at: n.createdAt,
          type: 'escalation_step',
          actor: { sub: 'system', agency: 'setneg', role: 'central_officer' },
          agencyId,
          data: { step: n.step, notificationId: n.id },
        },
      })),
      events: [],
    };
    await store.commitLadder(batch);
  }
}

beforeAll(async () => {
  const issuer = await testIssuer();
  store = await freshStore();
  const clock = () => new Date('2026-05-04T03:00:00.000Z');
  app = createApp({ store, verifier: issuer.verifier, clock });
  const service = new Service({ store, clock });
  await addAgencies(service, [
    { id: 'polri' },
    { id: 'atr-bpn' },
    { id: 'kanwil-bpn-sulsel', focalPointId: 'atr-bpn' },
  ]);
  ({ caseId } = await forwardedCase(service, ['polri', 'atr-bpn']));
  ({ caseId: unitCaseId } = await forwardedCase(service, ['kanwil-bpn-sulsel']));
  // The focal point's assignment is the unit's to work: its letters are the unit's to read too.
  await service.delegate(officerOf('atr-bpn', 'agency_coordinator'), caseId, 'atr-bpn', {
    memberId: 'kanwil-bpn-sulsel',
  });
  const days = (n: number) => Array.from({ length: n }, (_, i) => i);
  // Written at 00:00 on Thursday 19 March 2026, as Nyepi and the Lebaran leave began: held
  // until, and dated, Wednesday 25 March.
  const lebaran = { ...letter('polri', caseId, -14), datedOn: '2026-03-25' };
  await write(caseId, 'polri', [lebaran, ...days(28).map((d) => letter('polri', caseId, d))]);
  await write(
    caseId,
    'atr-bpn',
    days(14).map((d) => letter('atr-bpn', caseId, d * 2)),
  );
  await write(
    unitCaseId,
    'kanwil-bpn-sulsel',
    days(14).map((d) => letter('kanwil-bpn-sulsel', unitCaseId, d * 2 + 1)),
  );
  for (const [name, principal] of Object.entries({
    central: centralOfficer,
    unit: officerOf('kanwil-bpn-sulsel'),
    coordinator: officerOf('atr-bpn', 'agency_coordinator'),
  }))
    bearers[name] = await issuer.bearer({ ...principal });
});

const get = (query: string, as = 'central') =>
  app.request(`/v1/notifications?${query}`, { headers: { authorization: bearers[as]! } });

/** Every letter a query lists, page after page of `limit`, and the total its first page gave. */
async function all(query: string, as = 'central', limit = 100) {
  const items: Letter[] = [];
  let cursor: string | null = null;
  let total: number | undefined;
  let pages = 0;
  do {
    const res = await get(
      `${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : '&total=true'}`,
      as,
    );
    expect(res.status, await res.clone().text()).toBe(200);
    const page = (await res.json()) as Page;
    total ??= page.total;
    items.push(...page.items);
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor);
  return { items, total, pages };
}

const ids = (items: readonly Letter[]) => items.map((n) => n.id);
/** The date a letter bears, as its e-mail and PDF say it. */
const dateOf = (n: Letter) => n.datedOn ?? localDate(new Date(n.createdAt), 'Asia/Jakarta');

describe('the letters log narrowed', () => {
  it('lists only the failed letters for `status=failed`, newest written first, and counts them', async () => {
    const every = (await all('')).items;
    const failed = every.filter((n) => n.status === 'failed');
    expect(failed.length).toBeGreaterThan(5);
    const listed = await all('status=failed');
    expect(ids(listed.items)).toEqual(ids(failed));
    expect(listed.total).toBe(failed.length);
    for (const status of ['pending', 'sent', 'cancelled'])
      expect(ids((await all(`status=${status}`)).items)).toEqual(
        ids(every.filter((n) => n.status === status)),
      );
  });

  it('pages through a filter two at a time: none skipped, none twice, the total of the whole', async () => {
    const whole = await all('status=failed');
    const paged = await all('status=failed', 'central', 2);
    expect(paged.items.every((n) => n.status === 'failed')).toBe(true);
    expect(ids(paged.items)).toEqual(ids(whole.items));
    expect(paged.total).toBe(whole.items.length);
    expect(paged.pages).toBeGreaterThan(2);
  });

  it('lists one step’s letters for `step`', async () => {
    const every = (await all('')).items;
    const listed = await all('step=formal_warning');
    expect(listed.items.length).toBeGreaterThan(0);
    expect(ids(listed.items)).toEqual(ids(every.filter((n) => n.step === 'formal_warning')));
    expect(listed.total).toBe(listed.items.length);
    expect((await all('step=surat_teguran_akhir')).items).toEqual([]);
  });

  it('lists a period by the date each letter bears: one written on Saturday at 00:00 goes out, and is dated, on Monday', async () => {
    const every = (await all('')).items;
    // Monday 13 to Sunday 19 April 2026.
    const listed = await all('from=2026-04-13&to=2026-04-19');
    const expected = every.filter((n) => dateOf(n) >= '2026-04-13' && dateOf(n) <= '2026-04-19');
    expect(ids(listed.items)).toEqual(ids(expected));
    expect(listed.total).toBe(expected.length);
    // Written Saturday 11 April 00:00 WIB, dated Monday 13: in this week.
    expect(ids(listed.items)).toContain('N-polri-09');
    // Written Saturday 18 April 00:00 WIB, dated Monday 20: next week's.
    expect(ids(listed.items)).not.toContain('N-polri-16');
    // Held through the days off before it: the day it went out.
    expect(ids((await all('from=2026-03-25&to=2026-03-25')).items)).toEqual(['N-polri--14']);
    // Since a visit after the period's last letter could be written: none, counted none.
    expect(await all('from=2026-04-01&to=2026-04-05&since=2026-04-20T00:00:00.000Z')).toEqual({
      items: [],
      total: 0,
      pages: 1,
    });
    // One end open: from a day on, up to a day.
    expect(ids((await all('from=2026-04-27')).items)).toEqual(
      ids(every.filter((n) => dateOf(n) >= '2026-04-27')),
    );
    expect(ids((await all('to=2026-04-05')).items)).toEqual(
      ids(every.filter((n) => dateOf(n) <= '2026-04-05')),
    );
  });

  it('takes the filters together, with an agency, page after page', async () => {
    const every = (await all('')).items;
    const expected = every.filter(
      (n) =>
        n.agencyId === 'polri' &&
        n.status === 'sent' &&
        n.step === 'reminder_1' &&
        dateOf(n) >= '2026-04-06' &&
        dateOf(n) <= '2026-04-30',
    );
    expect(expected.length).toBeGreaterThan(0);
    const listed = await all(
      'agencyId=polri&status=sent&from=2026-04-06&to=2026-04-30&step=reminder_1',
      'central',
      1,
    );
    expect(ids(listed.items)).toEqual(ids(expected));
    expect(listed.total).toBe(expected.length);
  });

  it('narrows a member unit’s own letters and those delegated to it alike, and counts both', async () => {
    const every = (await all('', 'unit')).items;
    expect(new Set(every.map((n) => n.agencyId))).toEqual(
      new Set(['kanwil-bpn-sulsel', 'atr-bpn']),
    );
    const failed = every.filter((n) => n.status === 'failed');
    const listed = await all('status=failed', 'unit', 2);
    expect(ids(listed.items)).toEqual(ids(failed));
    expect(listed.total).toBe(failed.length);
    expect(new Set(failed.map((n) => n.agencyId)).size).toBe(2);
    const week = every.filter(
      (n) => n.step === 'warning' && dateOf(n) >= '2026-04-06' && dateOf(n) <= '2026-04-30',
    );
    const narrowed = await all('step=warning&from=2026-04-06&to=2026-04-30', 'unit', 1);
    expect(ids(narrowed.items)).toEqual(ids(week));
    expect(narrowed.total).toBe(week.length);
  });

  it('narrows a case’s letters as a focal point’s coordinator reads them', async () => {
    const every = (await all(`caseId=${caseId}`, 'coordinator')).items;
    const failed = every.filter((n) => n.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(ids((await all(`caseId=${caseId}&status=failed`, 'coordinator')).items)).toEqual(
      ids(failed),
    );
  });
});

describe('a filter the log does not take', () => {
  const problem = async (query: string) => {
    const res = await get(query);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const { errors = [] } = (await res.json()) as { errors?: { path: string }[] };
    return [...new Set(errors.map((e) => e.path))];
  };

  it('is refused, naming the field, not answered with every letter', async () => {
    expect(await problem('status=lost')).toEqual(['status']);
    expect(await problem('step=Surat%20penegasan')).toEqual(['step']);
    expect(await problem('from=2026-13-01')).toEqual(['from']);
    expect(await problem('to=kemarin')).toEqual(['to']);
    expect(await problem('from=2026-04-20&to=2026-04-13')).toEqual(['from']);
    // A key it does not know (the queue's `state`, a misspelt filter).
    expect(await problem('state=failed')).toEqual(['state']);
  });
});
