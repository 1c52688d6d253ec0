/**
 * An e-mail complainant's receipt goes exactly once (README, "E-mail", the receipt), checked
 * with a model over random sequences on DynamoDB Local: each case's schedule mixes the first
 * delivery of its message (alone, or twice or three times at once, as S3's at-least-once events
 * deliver it), redeliveries while a send is still going (a mailer whose send waits), the
 * sweep (alone, or racing a redelivery), a send refused once (SES throttled), a run that crashed
 * after its send went but before it marked it sent, and time passing (within a claim, past it,
 * a day, past the three days after which the sweep gives a receipt up). After every step, and
 * at the end once time has passed and the sweep has run, per case:
 * - never more than one receipt went while no crash-after-send was injected; with one, at most
 *   one more per crash (the resend once the crashed run's claim lapsed: SES takes no
 *   idempotency key, so at-least-once at that boundary is what can be had, README);
 * - in the end it went (marked sent, one `mail_receipt_sent`) or was given up (none went,
 *   unless a crashed run's did), never still pending.
 * The run must also have reached each race and fault (`reached`). The seed is fixed
 * (RECEIPT_MODEL_SEED to try another): the same schedules every run, so this cannot flake.
 */
import {
  type ComplainantMailer,
  type IncomingMail,
  type MailOutcome,
  RECEIPT_GIVE_UP_MS,
  sendPendingReceipts,
  Service,
  type Store,
} from '@pantau/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { centralOfficer, freshStore, manualClock } from '../support/dynamodb.ts';

const SEED = 20_260_808;
const SCHEDULES = 32;
const MINUTE = 60_000;

/** A seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Step =
  /** `copies` deliveries of the message at once. */
  | { kind: 'deliver'; copies: number }
  /** A delivery whose send waits while `copies` more deliveries (and the sweep, if `sweep`) run. */
  | { kind: 'held'; copies: number; sweep: boolean }
  | { kind: 'sweep' }
  /** The sweep and a redelivery at once. */
  | { kind: 'sweep+deliver' }
  /** The next send is refused (it never went). */
  | { kind: 'fail' }
  /** The next send goes, and its run crashes before marking it sent. */
  | { kind: 'crash' }
  | { kind: 'advance'; ms: number };

const ADVANCES = [MINUTE, 4 * MINUTE, 6 * MINUTE, 20 * MINUTE, 24 * 60 * MINUTE];

function schedule(next: () => number): Step[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const copies = () => 1 + Math.floor(next() * 3);
  const delivery = (): Step =>
    next() < 0.5
      ? { kind: 'deliver', copies: copies() }
      : { kind: 'held', copies: Math.floor(next() * 3), sweep: next() < 0.4 };
  // A fault first, at times, so that it meets the first delivery's own send.
  const steps: Step[] = next() < 0.3 ? [{ kind: next() < 0.6 ? 'fail' : 'crash' }] : [];
  steps.push(delivery());
  const length = 3 + Math.floor(next() * 5);
  while (steps.length < length) {
    const r = next();
    if (r < 0.2) steps.push(delivery());
    else if (r < 0.35) steps.push({ kind: 'sweep' });
    else if (r < 0.45) steps.push({ kind: 'sweep+deliver' });
    else if (r < 0.6) steps.push({ kind: 'fail' });
    else if (r < 0.68) steps.push({ kind: 'crash' });
    else if (r < 0.72) steps.push({ kind: 'advance', ms: RECEIPT_GIVE_UP_MS });
    else steps.push({ kind: 'advance', ms: pick(ADVANCES) });
  }
  return steps;
}

let store: Store;
let service: Service;
const clock = manualClock('2026-02-02T02:00:00.000Z');
/** What the next sends do, in turn (none left: they go). */
const faults: ('fail' | 'crash')[] = [];
/** Per case: receipts that went (counted when sent, before a held send returns), and crashes. */
const went = new Map<string, number>();
const crashed = new Map<string, number>();
/** When set, the next send waits, once it went (or was refused), until `held` settles. */
let gate: { held: Promise<void>; reached: () => void } | undefined;
const mailer: ComplainantMailer = {
  async reply(m) {
    const fault = faults.shift();
    if (fault !== 'fail') went.set(m.caseId, (went.get(m.caseId) ?? 0) + 1);
    const g = gate;
    gate = undefined;
    if (g) {
      g.reached();
      await g.held;
    }
    if (fault === 'fail') throw new Error('454 4.7.0 temporary failure');
    if (fault === 'crash') {
      crashed.set(m.caseId, (crashed.get(m.caseId) ?? 0) + 1);
      // Its run ends here: the receipt went, and nothing marks it sent.
      throw new Error('the run crashed after the send');
    }
  },
};
const receipts = { mailer, trackingUrl: 'https://pengaduan.example.go.id/track' };
const sweepNow = () => sendPendingReceipts({ store, clock: clock.now, receipts }, { limit: 100 });

/** What the run reached, asserted at the end (so the schedules do exercise the races). */
const reached = {
  registeredAtOnce: 0,
  claimedByAnother: 0,
  heldWhileAnotherRan: 0,
  refused: 0,
  crashResent: 0,
  sweepSent: 0,
  givenUp: 0,
};

beforeAll(async () => {
  store = await freshStore();
  service = new Service({ store, clock: clock.now, receipts });
});

const mailOf = (n: number): IncomingMail => ({
  messageId: `<model-${n}@warga.example.id>`,
  from: { name: 'Warga', address: `warga.${n}@warga.example.id` },
  fromAuthenticated: true,
  subject: `Jalan rusak ${n}`,
  text: 'Jalan di depan rumah saya rusak sejak Mei.',
  attachments: [],
});

/** Runs one case's schedule; the case's id (the first delivery's). */
async function play(
  n: number,
  steps: readonly Step[],
  check: (caseId: string | undefined) => void,
): Promise<string> {
  const mail = mailOf(n);
  let caseId: string | undefined;
  const deliver = async (): Promise<MailOutcome> => {
    const outcome = await service.receiveEmail(mail);
    caseId ??= outcome.caseId;
    expect(outcome.caseId).toBe(caseId);
    if (outcome.receipt === 'claimed') reached.claimedByAnother += 1;
    return outcome;
  };
  for (const step of steps) {
    switch (step.kind) {
      case 'deliver': {
        const outcomes = await Promise.all(Array.from({ length: step.copies }, deliver));
        if (outcomes.filter((o) => !o.duplicate).length === 1 && step.copies > 1)
          reached.registeredAtOnce += 1;
        break;
      }
      case 'held': {
        let release = () => undefined as void;
        let reach = () => undefined as void;
        const held = new Promise<void>((done) => (release = done));
        const sending = new Promise<boolean>((done) => (reach = () => done(true)));
        gate = { held, reached: reach };
        const first = deliver();
        // It sent (and waits), or answered without sending (the receipt went, or is claimed).
        const waits = await Promise.race([sending, first.then(() => false)]);
        gate = undefined;
        if (waits) {
          const others: Promise<unknown>[] = Array.from({ length: step.copies }, deliver);
          if (step.sweep) others.push(sweepNow());
          await Promise.all(others);
          if (others.length > 0) reached.heldWhileAnotherRan += 1;
          check(caseId);
        }
        release();
        await first;
        break;
      }
      case 'sweep': {
        const result = await sweepNow();
        reached.sweepSent += result.sent;
        reached.givenUp += result.givenUp;
        break;
      }
      case 'sweep+deliver': {
        const [result] = await Promise.all([sweepNow(), deliver()]);
        reached.sweepSent += result.sent;
        reached.givenUp += result.givenUp;
        break;
      }
      case 'fail':
      case 'crash':
        faults.push(step.kind);
        if (step.kind === 'fail') reached.refused += 1;
        break;
      case 'advance':
        clock.set(new Date(clock.now().getTime() + step.ms).toISOString());
        break;
    }
    check(caseId);
  }
  // The end: no fault left, and time passes past any claim while the sweep runs.
  faults.length = 0;
  for (let i = 0; i < 3; i += 1) {
    clock.set(new Date(clock.now().getTime() + 6 * MINUTE).toISOString());
    const result = await sweepNow();
    reached.sweepSent += result.sent;
    reached.givenUp += result.givenUp;
    check(caseId);
  }
  return caseId!;
}

describe('an e-mail receipt over random schedules of deliveries, sweeps, faults and time', () => {
  it('goes exactly once per case (once more only after a crash between its send and its mark), or is given up', async () => {
    const seed = process.env.RECEIPT_MODEL_SEED ? Number(process.env.RECEIPT_MODEL_SEED) : SEED;
    const next = random(seed);
    for (let n = 0; n < SCHEDULES; n += 1) {
      const steps = schedule(next);
      const what = `seed ${seed}, schedule ${n}: ${JSON.stringify(steps)}`;
      // After every step: never a second receipt but after a crash between send and mark.
      const check = (id: string | undefined) => {
        if (id) expect(went.get(id) ?? 0, what).toBeLessThanOrEqual(1 + (crashed.get(id) ?? 0));
      };
      const caseId = await play(n, steps, check);
      const c = (await store.getCase(caseId, { consistent: true }))?.case;
      const receipt = c?.mailReceipt;
      const events = (await service.timeline(centralOfficer, caseId, { limit: 50 })).items.filter(
        (e) => e.type === 'mail_receipt_sent' || e.type === 'mail_receipt_failed',
      );
      const gone = went.get(caseId) ?? 0;
      const crashes = crashed.get(caseId) ?? 0;
      if (crashes > 0 && gone > 1) reached.crashResent += 1;
      // Never still pending: sent (one event saying so), or given up (one event saying so).
      expect(receipt?.sentAt ?? receipt?.givenUpAt, what).toBeTruthy();
      expect(
        events.map((e) => e.type),
        what,
      ).toEqual([receipt?.sentAt ? 'mail_receipt_sent' : 'mail_receipt_failed']);
      if (receipt?.sentAt) {
        expect(gone, what).toBeGreaterThanOrEqual(1);
        expect(gone, what).toBeLessThanOrEqual(1 + crashes);
        if (crashes === 0) expect(gone, what).toBe(1);
      } else expect(gone, what).toBeLessThanOrEqual(crashes);
    }
    // Nothing left pending on the sweep's list.
    const listed = await store.listPendingReceipts(new Date('2030-01-01T00:00:00.000Z'), {
      limit: 100,
    });
    expect(listed.items).toEqual([]);
    // The schedules reached every race and fault (a seed that did not is no test of them).
    for (const [what, count] of Object.entries(reached)) expect(count, what).toBeGreaterThan(0);
    // 5 to 7 s alone, 6 s in a loaded clean clone: 60 s keeps it well inside on a busier one.
  }, 60_000);
});
