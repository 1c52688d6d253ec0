/**
 * The business figures reach CloudWatch as EMF lines on stdout (Powertools Metrics): what is
 * checked here is the line itself, as CloudWatch Logs would read it.
 */
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { CaseChange, Store, TimelineEvent } from '@pantau/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { countingCommits, METRIC, powertoolsMetrics, type BusinessMetrics } from './metrics.ts';

interface Emf {
  _aws: {
    CloudWatchMetrics: {
      Namespace: string;
      Dimensions: string[][];
      Metrics: { Name: string; Unit: string }[];
    }[];
  };
  [key: string]: unknown;
}

/** Runs `work` and returns the EMF documents it printed. */
function emitted(work: () => void): Emf[] {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    work();
  } finally {
    spy.mockRestore();
  }
  return lines
    .flatMap((chunk) => chunk.split('\n'))
    .filter((line) => line.includes('"_aws"'))
    .map((line) => JSON.parse(line) as Emf);
}

const metrics = () => new Metrics({ namespace: 'Pantau', serviceName: 'pantau-ladder' });
afterEach(() => vi.restoreAllMocks());

describe('powertoolsMetrics', () => {
  it('prints a count as EMF in the Pantau namespace under the service, at the flush', () => {
    const m = metrics();
    const figures = powertoolsMetrics(m);
    const docs = emitted(() => {
      figures.count(METRIC.lettersFailed, 1);
      figures.count(METRIC.lettersFailed, 1);
      figures.seconds(METRIC.oldestUndeliveredAge, 420);
      m.publishStoredMetrics();
    });
    expect(docs).toHaveLength(1);
    const [doc] = docs;
    expect(doc!._aws.CloudWatchMetrics[0]).toMatchObject({
      Namespace: 'Pantau',
      Dimensions: [['service']],
      Metrics: expect.arrayContaining([
        { Name: 'LettersFailed', Unit: 'Count' },
        { Name: 'OldestUndeliveredLetterAge', Unit: 'Seconds' },
      ]),
    });
    expect(doc).toMatchObject({
      service: 'pantau-ladder',
      LettersFailed: [1, 1],
      OldestUndeliveredLetterAge: 420,
    });
  });

  it('prints a figure with its own dimension at once, apart from the others', () => {
    const figures = powertoolsMetrics(metrics());
    const docs = emitted(() => figures.count(METRIC.lettersWritten, 1, { rung: 'reminder' }));
    expect(docs).toHaveLength(1);
    expect(docs[0]!._aws.CloudWatchMetrics[0]!.Dimensions).toEqual([['service', 'rung']]);
    expect(docs[0]).toMatchObject({
      service: 'pantau-ladder',
      rung: 'reminder',
      LettersWritten: 1,
    });
  });

  it('prints nothing for a zero count', () => {
    const m = metrics();
    expect(
      emitted(() => {
        powertoolsMetrics(m).count(METRIC.laddersRestarted, 0);
        if (m.hasStoredMetrics()) m.publishStoredMetrics();
      }),
    ).toEqual([]);
  });
});

describe('countingCommits', () => {
  const event = (type: TimelineEvent['type']) => ({ type }) as TimelineEvent;
  const recorder = () => {
    const counted: [string, number][] = [];
    const sink: BusinessMetrics = {
      count: (name, value) => void counted.push([name, value]),
      seconds: () => undefined,
    };
    return { counted, sink };
  };

  it('counts registrations and forwards from the events a commit wrote', async () => {
    const commits: CaseChange[] = [];
    const store = {
      commit: async (change: CaseChange) => void commits.push(change),
      getAgency: async () => undefined,
    } as unknown as Store;
    const { counted, sink } = recorder();
    const counting = countingCommits(store, sink);
    const change = {
      events: [
        event('case_registered'),
        event('assignment_forwarded'),
        event('assignment_forwarded'),
        event('case_verified'),
      ],
    };
    await counting.commit(change);
    expect(commits).toEqual([change]);
    expect(counted).toEqual([
      ['CasesRegistered', 1],
      ['AssignmentsForwarded', 2],
    ]);
    // Everything else is the store's own.
    await expect(counting.getAgency('polri')).resolves.toBeUndefined();
  });

  it('counts the registrations a group of them committed together', async () => {
    const groups: (readonly CaseChange[])[] = [];
    const store = {
      commitAll: async (changes: readonly CaseChange[]) => void groups.push(changes),
    } as unknown as Store;
    const { counted, sink } = recorder();
    const changes = [1, 2, 3].map(() => ({ events: [event('case_registered')] }));
    await countingCommits(store, sink).commitAll(changes);
    expect(groups).toEqual([changes]);
    expect(counted).toEqual([['CasesRegistered', 3]]);
  });

  it('counts nothing when the commit fails (a conflict writes nothing)', async () => {
    const store = {
      commit: async () => Promise.reject(new Error('version conflict')),
    } as unknown as Store;
    const { counted, sink } = recorder();
    await expect(
      countingCommits(store, sink).commit({ events: [event('case_registered')] }),
    ).rejects.toThrow('version conflict');
    expect(counted).toEqual([]);
  });
});
