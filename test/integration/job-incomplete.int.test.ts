/**
 * A job that completes with items it could not do (`failed > 0`: a case whose data cannot be
 * read, say) left some open assignments on their old deadlines, or some cases not upgraded, and
 * said so only on its record: its execution SUCCEEDED, so `RearmJobs/ExecutionsFailedAlarm`
 * stayed quiet, and nothing was logged at error level. Found by an audit (session of 12-02).
 * Real ASL on the local interpreter, the real task handler, DynamoDB Local; the one fault is a
 * store whose read of one case fails, as a corrupt item's does.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Service, type Store } from '@pantau/core';
import { LocalJobRunner } from '@pantau/local';
import { type DynamoStore, keys, seedBaseline } from '@pantau/store';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  addAgencies,
  centralAdmin,
  centralOfficer,
  forwardedCase,
  freshStore,
  manualClock,
} from '../support/dynamodb.ts';

const clock = manualClock('2026-04-13T02:00:00.000Z'); // Monday 13 April 2026, 09:00 WIB
let store: DynamoStore;
let service: Service;

beforeAll(async () => {
  store = await freshStore();
  service = new Service({ store, clock: clock.now });
  await addAgencies(service, [{ id: 'pln' }]);
}, 60_000);

afterEach(() => {
  vi.restoreAllMocks();
});

/**
 * The store with `caseId`'s item unreadable: that one item fails for good. (A proxy, its other
 * methods bound to the store: the search index's keep private fields.)
 */
const corrupt = (caseId: string): Store =>
  new Proxy(store, {
    get(target, name, receiver) {
      if (name === 'getCase')
        return async (...args: Parameters<Store['getCase']>) => {
          if (args[0] === caseId) throw new Error('corrupt item');
          return target.getCase(...args);
        };
      const value: unknown = Reflect.get(target, name, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });

/** A real Powertools logger; its JSON lines as CloudWatch would get them (ERROR on stderr). */
function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (...a: unknown[]) => boolean;
    vi.spyOn(stream, 'write').mockImplementation((chunk: unknown, ...rest: unknown[]) => {
      const text = String(chunk);
      if (!text.startsWith('{"level"')) return write(chunk, ...rest);
      lines.push(JSON.parse(text) as Record<string, unknown>);
      return true;
    });
  }
  const logger = new Logger({ serviceName: 'pantau-test', logLevel: 'INFO' });
  return { logger, lines };
}

const dueOf = async (caseId: string) =>
  (await service.getAssignment(centralOfficer, caseId, 'pln')).due;

describe('a re-arming job that completes with an assignment it could not do', () => {
  it('fails its execution, naming the job and how many, and logs it at ERROR', async () => {
    const good = await forwardedCase(service, ['pln']);
    const bad = await forwardedCase(service, ['pln']);
    const before = await dueOf(bad.caseId);
    const { logger, lines } = capturedLogger();
    const runner = new LocalJobRunner({ store: corrupt(bad.caseId), clock: clock.now, logger });
    const idle = new Service({ store, clock: clock.now, jobs: { start: async () => undefined } });
    const { job } = await idle.putCalendarDay(centralAdmin, 'id', {
      date: '2026-04-14',
      kind: 'other',
      name: 'Libur',
    });

    // The execution as Step Functions would end it: FAILED, its error naming the case.
    // (The interpreter wraps the Fail state's error and cause in an ExecutionError.)
    const run = runner.run(job.id);
    await expect(run).rejects.toMatchObject({ cause: { name: 'JobIncomplete' } });
    const error = ((await run.catch((e: unknown) => e)) as Error).cause as Error;
    expect(error.message).toContain(job.id);
    expect(error.message).toMatch(/completed with 1 it could not do/);
    expect(error.message).toContain(`GET /v1/jobs/${job.id}`);
    expect(error.message).toContain(`POST /v1/jobs/${job.id}/retry`);

    // The record says completed, with the one failed listed (the console's view as before).
    const view = await service.getJob(centralAdmin, job.id);
    expect(view).toMatchObject({ state: 'completed', done: 1, failed: 1, moved: 1 });
    expect(view.failures).toEqual([
      expect.objectContaining({ caseId: bad.caseId, agencyId: 'pln', code: 'internal' }),
    ]);
    expect(await dueOf(bad.caseId)).toEqual(before);
    expect(Date.parse((await dueOf(good.caseId)).followUp)).toBeGreaterThan(
      Date.parse(before.followUp),
    );

    // One ERROR line from the task: the job, its kind, how many; no case's or person's data.
    const errors = lines.filter((l) => l.level === 'ERROR');
    expect(errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/could not do/),
        jobId: job.id,
        kind: 'calendar',
        failed: 1,
      }),
    ]);
    expect(JSON.stringify(errors)).not.toContain(bad.caseId);

    // Carried on as before: a new job over the scope, with the case readable again.
    const carried = await service.retryJob(centralAdmin, job.id);
    expect(carried).toMatchObject({ kind: 'calendar', state: 'completed', failed: 0 });
    expect(carried.id).not.toBe(job.id);
    expect(await dueOf(bad.caseId)).toEqual(await dueOf(good.caseId));
  }, 60_000);

  it('run in the background embedded, logs it at ERROR once, not as a crash', async () => {
    const bad = await forwardedCase(service, ['pln']);
    const { logger, lines } = capturedLogger();
    const runner = new LocalJobRunner({ store: corrupt(bad.caseId), clock: clock.now, logger });
    const withRunner = new Service({ store, clock: clock.now, jobs: runner });
    const { job } = await withRunner.putCalendarDay(centralAdmin, 'id', {
      date: '2026-04-15',
      kind: 'other',
      name: 'Libur',
    });
    await runner.idle();
    expect(await service.getJob(centralAdmin, job.id)).toMatchObject({
      state: 'completed',
      failed: 1,
    });
    const errors = lines.filter((l) => l.level === 'ERROR');
    expect(errors).toEqual([
      expect.objectContaining({ jobId: job.id, kind: 'calendar', failed: 1 }),
    ]);
    // Its end is logged as any job's.
    expect(lines).toContainEqual(
      expect.objectContaining({ message: 'job ended', jobId: job.id, state: 'completed' }),
    );
  }, 60_000);
});

describe('an upgrade job that completes with a case it could not do', () => {
  it('fails its execution and writes no marker, which was all that told of it', async () => {
    const bad = await forwardedCase(service, ['pln']);
    // As an older release's table: no marker, so the seed records the upgrade.
    await store.client.send(new DeleteCommand({ TableName: store.tableName, Key: keys.upgrade }));
    const { upgradeJobId } = await seedBaseline(store, clock.now());
    expect(upgradeJobId).not.toBeNull();
    const { logger, lines } = capturedLogger();
    const runner = new LocalJobRunner({ store: corrupt(bad.caseId), clock: clock.now, logger });

    const run = runner.run(upgradeJobId!);
    await expect(run).rejects.toMatchObject({ cause: { name: 'JobIncomplete' } });
    expect(await service.getJob(centralAdmin, upgradeJobId!)).toMatchObject({
      kind: 'upgrade',
      state: 'completed',
      failed: 1,
    });
    expect(await store.upgradedVersion()).toBe(0);
    expect(lines.filter((l) => l.level === 'ERROR')).toEqual([
      expect.objectContaining({ jobId: upgradeJobId, kind: 'upgrade', failed: 1 }),
    ]);
  }, 60_000);
});
