/**
 * Agenda numbers given in turns, those waiting together in one transaction (`AgendaTurns`),
 * against a stand-in store that keeps the counter and refuses a write as DynamoDB would: the
 * counter's condition, and whatever a test makes a member's change fail on. The same on
 * DynamoDB Local: test/integration/agenda.int.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { type CaseChange, WriteConflict } from '../ports.ts';
import { AgendaTurns, type AgendaStore, MAX_AGENDA_GROUP } from './agenda.ts';

/** The stand-in: one counter per name, each commit's changes recorded, `refuse` deciding. */
function counterStore(refuse: (change: CaseChange) => WriteConflict | undefined = () => undefined) {
  const counters = new Map<string, number>();
  const commits: CaseChange[][] = [];
  let reads = 0;
  const write = async (changes: readonly CaseChange[]) => {
    await Promise.resolve();
    for (const change of changes) {
      const refused = refuse(change);
      if (refused) throw refused;
      const claim = change.sequence;
      if (claim && (counters.get(claim.name) ?? 0) !== claim.expected)
        throw new WriteConflict('version', 'the counter moved');
    }
    commits.push([...changes]);
    for (const { sequence } of changes) if (sequence) counters.set(sequence.name, sequence.value);
  };
  const store: AgendaStore = {
    getDocumentSettings: () => Promise.resolve(undefined),
    getSequence: (name) => {
      reads += 1;
      return Promise.resolve(counters.get(name) ?? 0);
    },
    commit: (change) => write([change]),
    commitAll: (changes) => write(changes),
  };
  return { store, commits, counters, reads: () => reads };
}

/** A registration's build: its subject in a change, answered with its number. */
const build = (subject: string) => (agendaNumber: string) => ({
  change: { events: [], subject } as CaseChange,
  result: { subject, agendaNumber },
});

const at = new Date('2026-03-16T03:00:00.000Z');
const seq = (n: string) => Number(n.split('/')[0]);

describe('agenda turns', () => {
  it('commits a registration that finds none under way at once, alone, reading the counter', async () => {
    const { store, commits, reads } = counterStore();
    const turns = new AgendaTurns();
    expect(await turns.commit(store, at, build('satu'))).toEqual({
      subject: 'satu',
      agendaNumber: '1/DUMAS/III/2026',
    });
    expect(await turns.commit(store, at, build('dua'))).toMatchObject({
      agendaNumber: '2/DUMAS/III/2026',
    });
    // Each found none under way: each read the counter (another instance may have moved it).
    expect(reads()).toBe(2);
    expect(commits.map((c) => c.length)).toEqual([1, 1]);
    expect(commits[1]![0]!.sequence).toEqual({ name: 'agenda#2026', value: 2, expected: 1 });
  });

  it('commits those that arrive meanwhile together, numbered in the order they came', async () => {
    const { store, commits, counters, reads } = counterStore();
    const turns = new AgendaTurns();
    const n = 1 + MAX_AGENDA_GROUP * 2 + 2;
    const answers = await Promise.all(
      Array.from({ length: n }, (_, i) => turns.commit(store, at, build(`kasus ${i}`))),
    );
    // In the order they came, gapless.
    expect(answers.map((a) => seq(a.agendaNumber))).toEqual(
      Array.from({ length: n }, (_, i) => i + 1),
    );
    // The first alone, then groups of at most MAX_AGENDA_GROUP; one read, the rest known.
    expect(commits.map((c) => c.length)).toEqual([1, MAX_AGENDA_GROUP, MAX_AGENDA_GROUP, 2]);
    expect(reads()).toBe(1);
    // A group writes the counter once, with its last change, from the value before it.
    const group = commits[1]!;
    expect(group.slice(0, -1).every((c) => c.sequence === undefined)).toBe(true);
    expect(group.at(-1)!.sequence).toEqual({
      name: 'agenda#2026',
      value: 1 + MAX_AGENDA_GROUP,
      expected: 1,
    });
    expect(counters.get('agenda#2026')).toBe(n);
  });

  it('commits a failed group’s members one by one, each failing or not on its own', async () => {
    const taken = new WriteConflict('claimed', 'the reference is taken');
    const { store, commits } = counterStore((change) =>
      (change as { subject?: string }).subject === 'kasus 3' ? taken : undefined,
    );
    const turns = new AgendaTurns();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => turns.commit(store, at, build(`kasus ${i}`))),
    );
    expect(outcomes[3]).toEqual({ status: 'rejected', reason: taken });
    const numbers = outcomes.flatMap((o) =>
      o.status === 'fulfilled' ? [seq(o.value.agendaNumber)] : [],
    );
    // The refused one took no number: the rest are 1 to 5, in the order they came.
    expect(numbers).toEqual([1, 2, 3, 4, 5]);
    // The first alone; the group of five failed, so its members went alone, all but one landing.
    expect(commits.map((c) => c.length)).toEqual([1, 1, 1, 1, 1]);
  });

  it('reads the counter again for a group that lost it to another instance, member by member', async () => {
    const { store, counters, commits } = counterStore();
    const turns = new AgendaTurns();
    // Another instance takes five numbers right after this one's first commit.
    let moved = false;
    const crowded: AgendaStore = {
      ...store,
      commit: async (change) => {
        await store.commit(change);
        if (!moved) counters.set('agenda#2026', counters.get('agenda#2026')! + 5);
        moved = true;
      },
    };
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => turns.commit(crowded, at, build(`kasus ${i}`))),
    );
    // The group of five counted on 1 and failed; one by one, the first read 6 and the rest
    // followed it: every registration landed, none left to its caller to retry.
    expect(answers.map((a) => seq(a.agendaNumber))).toEqual([1, 7, 8, 9, 10, 11]);
    expect(commits.map((c) => c.length)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('hands a race lost to another instance to its caller, and reads the counter again after', async () => {
    const { store, counters, reads } = counterStore();
    const turns = new AgendaTurns();
    await turns.commit(store, at, build('satu'));
    // Another instance takes five numbers right after each of this one's commits.
    const crowded: AgendaStore = {
      ...store,
      commit: async (change) => {
        await store.commit(change);
        counters.set('agenda#2026', counters.get('agenda#2026')! + 5);
      },
    };
    const [dua, tiga] = await Promise.allSettled([
      turns.commit(crowded, at, build('dua')),
      turns.commit(crowded, at, build('tiga')),
    ]);
    // The first found none under way, read the counter (1) and took 2; the second counted on
    // the value committed, lost to the other instance, and is its caller's to retry
    // (`lostAgendaRace`).
    expect(dua).toMatchObject({ status: 'fulfilled', value: { agendaNumber: '2/DUMAS/III/2026' } });
    expect(tiga).toMatchObject({ status: 'rejected', reason: { kind: 'version' } });
    expect(reads()).toBe(2);
    // The next reads the counter again: 7 taken, so 8.
    expect(await turns.commit(store, at, build('empat'))).toMatchObject({
      agendaNumber: '8/DUMAS/III/2026',
    });
    expect(reads()).toBe(3);
  });

  it('never puts two years’ counters in one transaction', async () => {
    const { store, commits, counters } = counterStore();
    const turns = new AgendaTurns();
    // 31 December 23:30 WIB and 1 January 00:30 WIB, arriving alternately.
    const years = [new Date('2026-12-31T16:30:00.000Z'), new Date('2026-12-31T17:30:00.000Z')];
    const answers = await Promise.all(
      Array.from({ length: 9 }, (_, i) => turns.commit(store, years[i % 2]!, build(`kasus ${i}`))),
    );
    expect(answers.map((a) => a.agendaNumber)).toEqual([
      '1/DUMAS/XII/2026',
      '1/DUMAS/I/2027',
      '2/DUMAS/XII/2026',
      '2/DUMAS/I/2027',
      '3/DUMAS/XII/2026',
      '3/DUMAS/I/2027',
      '4/DUMAS/XII/2026',
      '4/DUMAS/I/2027',
      '5/DUMAS/XII/2026',
    ]);
    for (const group of commits)
      expect(new Set(group.map((c) => c.sequence?.name).filter(Boolean)).size).toBe(1);
    expect([counters.get('agenda#2026'), counters.get('agenda#2027')]).toEqual([5, 4]);
  });
});
