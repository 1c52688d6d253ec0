/**
 * After each e2e file (its own `afterAll` first): the runtimes it started and did not stop are
 * stopped, and the file fails naming how many, so that none outlives the run.
 */
import { afterAll, expect } from 'vitest';
import { stopLeftRunning } from './runtime.ts';

afterAll(async () => {
  expect(await stopLeftRunning(), 'runtimes this file left running (now stopped)').toBe(0);
});
