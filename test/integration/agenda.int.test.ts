/**
 * Agenda numbers against DynamoDB Local: the counter item is claimed in the same transaction
 * as the case, so under concurrency no two cases share a number and none is skipped; and the
 * settings those numbers follow, saved by two admins at once.
 */
import { LETTER_AFTER_RECEIPT, Service } from '@pantau/core';
import type { DynamoStore } from '@pantau/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { centralAdmin, centralOfficer, freshStore, manualClock } from '../support/dynamodb.ts';

let store: DynamoStore;
let service: Service;
const clock = manualClock('2026-03-16T03:00:00.000Z');

beforeAll(async () => {
  store = await freshStore();
  service = new Service({ store, clock: clock.now });
});

const register = (subject: string, key?: string) =>
  service.createCase(
    centralOfficer,
    {
      channel: 'letter',
      complainant: { name: 'Siti Aminah' },
      subject,
      description: 'Surat pengaduan',
      letter: { number: '045/RT-03/III/2026', date: '2026-03-10', sender: 'Ketua RT 03' },
    },
    key ? { key, fingerprint: subject } : undefined,
  );

/** Counts the case transactions the store is asked to commit, alone or a group's. */
function countCommits(s: DynamoStore): () => number {
  const commit = s.commit.bind(s);
  const commitAll = s.commitAll.bind(s);
  let commits = 0;
  s.commit = (change) => {
    commits += 1;
    return commit(change);
  };
  s.commitAll = (changes) => {
    commits += 1;
    return commitAll(changes);
  };
  return () => commits;
}

/**
 * Holds the store's next commit until `n` registrations have read the calendar, their last read
 * before they wait for a turn: the first then commits alone and the rest wait behind it
 * together, however the machine spreads their arrivals. Resolves once that commit is held;
 * transparent after.
 */
function crowdBehindFirst(s: DynamoStore, n: number): Promise<void> {
  const getCalendar = s.getCalendar.bind(s);
  const commit = s.commit.bind(s);
  let read = 0;
  let arrived!: () => void;
  const all = new Promise<void>((resolve) => (arrived = resolve));
  s.getCalendar = async (...args) => {
    const calendar = await getCalendar(...args);
    if ((read += 1) === n) arrived();
    return calendar;
  };
  let held!: () => void;
  const holding = new Promise<void>((resolve) => (held = resolve));
  let first = true;
  s.commit = async (change) => {
    if (first) {
      first = false;
      held();
      await all;
      await new Promise((resolve) => setImmediate(resolve));
    }
    return commit(change);
  };
  return holding;
}

/** The sequence numbers of agenda numbers `12/DUMAS/III/2026`, in order. */
const seqsOf = (cases: readonly { agendaNumber?: string | null | undefined }[]) =>
  cases.map((c) => Number(c.agendaNumber!.split('/')[0])).sort((a, b) => a - b);

/** `n` numbers from `first` on. */
const run = (first: number, n: number) => Array.from({ length: n }, (_, i) => first + i);

describe('agenda numbers', () => {
  it('gives 100 concurrent registrations the numbers 1 to 100 of the year, each once', async () => {
    const commits = countCommits(store);
    void crowdBehindFirst(store, 100);
    const created = await Promise.all(
      Array.from({ length: 100 }, (_, i) => register(`Pengaduan ${i}`)),
    );
    // One process takes its numbers in turns, those waiting together in one transaction (the
    // first alone, then six at a time): no registration lost a race and wrote twice (before
    // issue 17 the crowd collided, about 2,000 transactions; one at a time, 100).
    expect(commits()).toBe(1 + Math.ceil(99 / 6));
    const numbers = created.map((c) => c.agendaNumber!);
    expect(new Set(numbers).size).toBe(100);
    expect(seqsOf(created)).toEqual(run(1, 100));
    expect(numbers.every((n) => /^\d+\/DUMAS\/III\/2026$/.test(n))).toBe(true);
    // What was stored is what was answered, with the incoming letter.
    const one = await service.getCase(centralOfficer, created[0]!.id);
    expect(one.agendaNumber).toBe(numbers[0]);
    expect(one.letter).toEqual({
      number: '045/RT-03/III/2026',
      date: '2026-03-10',
      sender: 'Ketua RT 03',
    });
  }, 120_000);

  it('keeps the numbers gapless when two processes register at once', async () => {
    // Two Lambda instances: each takes its turns, and their races go to the conditional write.
    const instances = [service, new Service({ store, clock: clock.now })];
    const before = Number((await register('Sebelum')).agendaNumber!.split('/')[0]);
    const created = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        instances[i % 2]!.createCase(centralOfficer, {
          channel: 'web',
          complainant: { name: 'Siti Aminah' },
          subject: `Dua proses ${i}`,
          description: 'Pengaduan',
        }),
      ),
    );
    expect(seqsOf(created)).toEqual(run(before + 1, 40));
  });

  it('refuses in a crowd only the registration whose reference another case holds', async () => {
    const ref = { system: 'lapor', id: 'crowd-1' };
    const holder = await service.createCase(centralOfficer, {
      channel: 'lapor',
      complainant: { name: 'Siti Aminah' },
      subject: 'Pertama',
      description: 'Pengaduan',
      externalRef: ref,
    });
    const before = seqsOf([holder])[0]!;
    const commits = countCommits(store);
    const holding = crowdBehindFirst(store, 12);
    const registration = (i: number) =>
      service.createCase(centralOfficer, {
        complainant: { name: 'Siti Aminah' },
        subject: `Kerumunan ${i}`,
        description: 'Pengaduan',
        ...(i === 3 ? { channel: 'lapor', externalRef: ref } : { channel: 'web' }),
      });
    // Twelve at once, the first committing alone while the rest wait in groups: the fourth's
    // reference is taken, so its group's transaction fails and its members go one by one.
    const first = registration(0);
    await holding;
    const outcomes = await Promise.allSettled([
      first,
      ...Array.from({ length: 11 }, (_, i) => registration(i + 1)),
    ]);
    expect(outcomes[3]).toMatchObject({
      status: 'rejected',
      reason: { code: 'already_exists', caseId: holder.id },
    });
    const created = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    expect(created).toHaveLength(11);
    // The refused one took no number; the others are gapless after the holder's.
    expect(seqsOf(created)).toEqual(run(before + 1, 11));
    // 1 alone, two groups (of 6 and 5), and the failed group's members one by one: 6 or 5 more,
    // as the others' reads came back.
    expect([1 + 2 + 6, 1 + 2 + 5]).toContain(commits());
    for (const c of created)
      await expect(service.getCase(centralOfficer, c.id)).resolves.toMatchObject({
        agendaNumber: c.agendaNumber,
        status: 'received',
      });
  });

  it('answers a key sent twice in one crowd with one case, numbered once', async () => {
    const before = seqsOf([await register('Sebelum kunci')])[0]!;
    void crowdBehindFirst(store, 5);
    const sent = await Promise.all([
      register('Lain 1'),
      register('Dua kali', 'crowd-key'),
      register('Lain 2'),
      register('Dua kali', 'crowd-key'),
      register('Lain 3'),
    ]);
    // The two with the key are one case. Whichever went later (in a group that held the key's
    // record twice, or once, after the other had written it) made its group's transaction fail;
    // the members went one by one, and it replayed the first's answer.
    expect(sent[3]).toEqual(sent[1]);
    const cases = [sent[0]!, sent[1]!, sent[2]!, sent[4]!];
    expect(new Set(cases.map((c) => c.id)).size).toBe(4);
    expect(seqsOf(cases)).toEqual(run(before + 1, 4));
  });

  it('reads the counter again when no registration of this process was under way', async () => {
    // Two Lambda instances taking turns, one request at a time: neither may trust the number it
    // committed last, since the other has moved the counter since (a lost transaction each).
    const other = new Service({ store, clock: clock.now });
    const commits = countCommits(store);
    const one = (s: Service, i: number) =>
      s.createCase(centralOfficer, {
        channel: 'web',
        complainant: { name: 'Siti Aminah' },
        subject: `Bergantian ${i}`,
        description: 'Pengaduan',
      });
    const numbers: number[] = [];
    for (let i = 0; i < 6; i += 1)
      numbers.push(Number((await one(i % 2 ? other : service, i)).agendaNumber!.split('/')[0]));
    expect(commits()).toBe(6);
    expect(numbers).toEqual(numbers.map((_, i) => numbers[0]! + i));
  });

  it('replays an idempotent registration with its number, without taking another', async () => {
    const first = await register('Sekali saja', 'agenda-key-1');
    const again = await register('Sekali saja', 'agenda-key-1');
    expect(again.agendaNumber).toBe(first.agendaNumber);
    const next = await register('Berikutnya');
    expect(Number(next.agendaNumber!.split('/')[0])).toBe(
      Number(first.agendaNumber!.split('/')[0]) + 1,
    );
  });

  it('follows the pattern in the settings, and starts again at 1 in a new year', async () => {
    await service.putDocumentSettings(centralAdmin, {
      ...(await service.documentSettings(centralAdmin)),
      agendaNumberPattern: 'AG-{year}-{month}-{seq}',
    });
    const march = await register('Pola baru');
    expect(march.agendaNumber).toMatch(/^AG-2026-03-\d+$/);
    clock.set('2027-01-04T02:00:00.000Z');
    expect((await register('Tahun baru')).agendaNumber).toBe('AG-2027-01-1');
    // The year is the registration's in WIB: 31 Dec 2026 23:30 WIB is still 2026.
    clock.set('2026-12-31T16:30:00.000Z');
    expect((await register('Akhir tahun')).agendaNumber).toMatch(/^AG-2026-12-\d+$/);
  });
});

describe('an incoming letter dated after it was received', () => {
  it('is refused, naming its date, and takes no agenda number (day and month swapped)', async () => {
    const numbered = async () => (await register('Sebelum')).agendaNumber;
    const before = await numbered();
    // Received 10 March (WIB), the letter dated 3 October: a register's 10/03 read as 03/10.
    await expect(
      service.createCase(centralOfficer, {
        channel: 'letter',
        receivedAt: '2026-03-10T03:00:00.000Z',
        complainant: { name: 'Siti Aminah' },
        subject: 'Tanggal tertukar',
        description: 'Surat pengaduan',
        letter: { number: '046/RT-03/X/2026', date: '2026-10-03', sender: 'Ketua RT 03' },
      }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'letter.date', message: LETTER_AFTER_RECEIPT }],
    });
    // Dated the day it came in, in the easternmost zone's day (00:30 WIT on 11 March is still
    // 10 March in Jakarta): taken.
    await expect(
      service.createCase(centralOfficer, {
        channel: 'letter',
        receivedAt: '2026-03-10T15:30:00.000Z',
        complainant: { name: 'Siti Aminah' },
        subject: 'Surat dari Jayapura',
        description: 'Surat pengaduan',
        letter: { number: '047/RT-03/III/2026', date: '2026-03-11', sender: 'Ketua RT 03' },
      }),
    ).resolves.toMatchObject({ letter: { date: '2026-03-11' } });
    // The refused one took no number: the next follows the one before it and the one taken.
    const after = await numbered();
    expect(Number(after!.split('/')[0])).toBe(Number(before!.split('/')[0]) + 2);
  });
});

describe('the first save of settings, by two admins at once', () => {
  /** `read` held until `n` calls are waiting: every save reads before any writes. */
  function together<A extends unknown[], R>(n: number, read: (...args: A) => Promise<R>) {
    let waiting = 0;
    let release!: () => void;
    const all = new Promise<void>((resolve) => (release = resolve));
    return async (...args: A) => {
      const result = await read(...args);
      if ((waiting += 1) === n) release();
      await all;
      return result;
    };
  }

  it('both succeed, the later saved over the earlier, as any later save is', async () => {
    const fresh = await freshStore();
    const admins = new Service({ store: fresh, clock: clock.now });
    // Without the version each form was loaded at: the last save wins (with it, see below).
    const { version: _b, ...base } = await admins.documentSettings(centralAdmin);
    const { id: _id, version: _v, updatedAt: _u, ...policy } = await admins.getPolicy('default');
    fresh.getDocumentSettings = together(2, fresh.getDocumentSettings.bind(fresh));
    fresh.getPolicy = together(2, fresh.getPolicy.bind(fresh));
    const saved = await Promise.all(
      ['Asdep A', 'Asdep B'].map((unit) =>
        admins.putDocumentSettings(centralAdmin, { ...base, agendaNumberPattern: `${unit}-{seq}` }),
      ),
    );
    expect(saved.map((s) => s.version).sort()).toEqual([1, 2]);
    const last = saved.find((s) => s.version === 2)!;
    expect((await admins.documentSettings(centralAdmin)).agendaNumberPattern).toBe(
      last.agendaNumberPattern,
    );

    const policies = await Promise.all(
      [3, 4].map((days) =>
        admins.putPolicy(centralAdmin, 'wilayah-timur', {
          ...policy,
          acknowledgeWorkingDays: days,
        }),
      ),
    );
    expect(policies.map((p) => p.policy.version).sort()).toEqual([1, 2]);
  });
});

describe('a save made on the version an admin loaded, after another admin saved since', () => {
  it('is refused for a policy (409 version_conflict), and the other admin’s ladder stays', async () => {
    const admins = new Service({ store: await freshStore(), clock: clock.now });
    const { id: _id, version: loaded, updatedAt: _u, ...form } = await admins.getPolicy('default');
    // Admin A saves new ladder steps; admin B's form was loaded before.
    const ladder = form.ladder.filter((step) => step.name !== 'warning');
    const a = await admins.putPolicy(centralAdmin, 'default', {
      ...form,
      ladder,
      version: loaded,
    });
    expect(a.policy.version).toBe(loaded + 1);
    await expect(
      admins.putPolicy(centralAdmin, 'default', {
        ...form,
        acknowledgeWorkingDays: form.acknowledgeWorkingDays + 2,
        version: loaded,
      }),
    ).rejects.toMatchObject({ code: 'version_conflict', message: /read it again/ });
    const stored = await admins.getPolicy('default');
    expect(stored.version).toBe(loaded + 1);
    expect(stored.ladder).toEqual(ladder);
    expect(stored.acknowledgeWorkingDays).toBe(form.acknowledgeWorkingDays);

    // Made on the version now stored, it saves; without a version, the last save still wins.
    const b = await admins.putPolicy(centralAdmin, 'default', {
      ...form,
      ladder,
      acknowledgeWorkingDays: 9,
      version: loaded + 1,
    });
    expect(b.policy).toMatchObject({ version: loaded + 2, acknowledgeWorkingDays: 9, ladder });
    const c = await admins.putPolicy(centralAdmin, 'default', { ...form, ladder });
    expect(c.policy.version).toBe(loaded + 3);

    // A first save naming a version: the policy it was made on does not exist.
    await expect(
      admins.putPolicy(centralAdmin, 'belum-ada', { ...form, version: 1 }),
    ).rejects.toMatchObject({ code: 'version_conflict' });
    await expect(admins.getPolicy('belum-ada')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('is refused for the document settings, and the other admin’s save stays', async () => {
    const admins = new Service({ store: await freshStore(), clock: clock.now });
    // The defaults, version 0, as both admins' forms were loaded.
    const { updatedAt: _u, ...form } = await admins.documentSettings(centralAdmin);
    expect(form.version).toBe(0);
    const a = await admins.putDocumentSettings(centralAdmin, {
      ...form,
      agendaNumberPattern: 'A-{seq}',
    });
    expect(a.version).toBe(1);
    await expect(
      admins.putDocumentSettings(centralAdmin, { ...form, letterNumberPattern: 'B-{seq}' }),
    ).rejects.toMatchObject({ code: 'version_conflict', message: /read them again/ });
    expect(await admins.documentSettings(centralAdmin)).toMatchObject({
      version: 1,
      agendaNumberPattern: 'A-{seq}',
      letterNumberPattern: form.letterNumberPattern,
    });

    const { version: _v, ...withoutVersion } = form;
    const c = await admins.putDocumentSettings(centralAdmin, {
      ...withoutVersion,
      letterNumberPattern: 'C-{seq}',
    });
    expect(c).toMatchObject({ version: 2, agendaNumberPattern: form.agendaNumberPattern });
  });

  it('answers the same save sent again on its version (its answer lost) as saved', async () => {
    const admins = new Service({ store: await freshStore(), clock: clock.now });
    const { updatedAt: _u, ...form } = await admins.documentSettings(centralAdmin);
    const edit = { ...form, tembusan: ['Menteri Sekretaris Negara'] };
    const first = await admins.putDocumentSettings(centralAdmin, edit);
    expect(first.version).toBe(form.version + 1);
    clock.set(new Date(clock.now().getTime() + 60_000).toISOString());
    const again = await admins.putDocumentSettings(centralAdmin, edit);
    expect(again).toEqual(first);
    expect(await admins.documentSettings(centralAdmin)).toEqual(first);
    // Another body on that version is another admin's save over it: refused.
    await expect(
      admins.putDocumentSettings(centralAdmin, { ...edit, tembusan: [] }),
    ).rejects.toMatchObject({ code: 'version_conflict' });
  });
});
