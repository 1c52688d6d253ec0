import { describe, expect, it } from 'vitest';
import { catchUp } from './runtime.ts';

/** A runner and an engine that say what was done, in order; the seed's job takes a moment. */
function recording() {
  const done: string[] = [];
  let running: Promise<void> | undefined;
  return {
    done,
    jobs: {
      start: async (id: string) => {
        running = new Promise<void>((resolve) =>
          setTimeout(() => {
            done.push(`job ${id} finished`);
            resolve();
          }, 20),
        );
      },
      idle: async () => {
        await running;
      },
      resume: async () => {
        done.push('other jobs resumed');
        return 0;
      },
    },
    engine: {
      sweep: async () => {
        done.push('outbox swept');
        return { letters: 0, ladders: 0 } as never;
      },
      runDue: async () => {
        done.push('due ladders run');
      },
    },
  };
}

describe('a start’s catch-up', () => {
  it('moves the deadlines a release’s new holidays move before any due ladder writes a letter on them', async () => {
    const { done, jobs, engine } = recording();
    await catchUp({ seedJob: 'J1', jobs, engine });
    expect(done).toEqual([
      'job J1 finished',
      'outbox swept',
      'due ladders run',
      'other jobs resumed',
    ]);
  });

  it('without a seed job, sweeps, runs the due ladders and resumes the jobs a stop left', async () => {
    const { done, jobs, engine } = recording();
    await catchUp({ seedJob: null, jobs, engine });
    expect(done).toEqual(['outbox swept', 'due ladders run', 'other jobs resumed']);
  });
});
