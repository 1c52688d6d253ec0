import react from '@vitejs/plugin-react';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import LongestFirst from './test/support/sequencer.ts';

/**
 * Files run two at a time in every tier. Vitest's default is the cores less one: on the 2-core CI
 * machine one file at a time, so every file but the e2e tier's ran alone while the other core
 * idled (the infra, integration, unit and web tiers: 320 of a 550 s run). One number for every
 * tier, so that they share one pool (tiers with different counts would run one after another).
 * Each e2e file starts its own runtime and, for the console, Chromium: most of its time is
 * waiting on them, so two cores serve two files.
 */
const maxWorkers = 2;

/**
 * Node's on-disk compile cache for every Node process of the run (the workers, the embedded
 * runtimes the e2e files start, the CDK app and CLI of the deploy path): a runtime starts on
 * 1.15 s of CPU instead of 1.7 s once the first has filled it.
 */
process.env.NODE_COMPILE_CACHE ??= join(import.meta.dirname, 'node_modules/.cache/node-compile');

/**
 * One temporary directory for the run, removed when it ends. Every process of the run takes it
 * from `TMPDIR` (the workers, the runtimes and CDK CLIs they start; the JVM through
 * `java.io.tmpdir`, which `startDynamoDbLocal` sets from it). What a test leaves there (a CDK
 * App's default `cdk.out*`, 20 to 50 MB each; the bundles a worker copies; the files of a test
 * that ends by its worker being stopped) went to /tmp for good: about 330 MB a run.
 */
const runTmp = mkdtempSync(join(tmpdir(), 'pantau-test-run-'));
process.env.TMPDIR = runTmp;
process.once('exit', () => {
  try {
    rmSync(runTmp, { recursive: true, force: true, maxRetries: 3 });
  } catch (error) {
    // A folder left behind is not worth the run's result.
    console.warn(`could not remove ${runTmp}: ${String(error)}`);
  }
});

// Test tiers, named by file (see README "Tests"):
//   unit         *.test.ts beside the code, pure logic, no I/O (and the import rules)
//   integration  *.int.test.ts against DynamoDB Local (one JVM for the run)
//   e2e          test/e2e over HTTP against the embedded runtime on a free port
//   infra        test/infra: synthesized CDK template assertions + cdk-nag
//   web          packages/web component tests (*.test.tsx) in jsdom
export default defineConfig({
  test: {
    // After the run: the tests nearest their timeouts, the longest set-ups.
    reporters: ['default', './test/support/timeout-margins.ts'],
    // Each tier's longest files first, a clean clone (CI) included. A sequencer of our own means
    // `--sequence.shuffle` no longer shuffles files (Vitest swaps in its random one only when
    // none is set); tests within a file still shuffle.
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        test: {
          name: 'unit',
          maxWorkers,
          // Pure logic: the workers serve file after file (a fork per file cost more than the tests).
          isolate: false,
          // scripts/: the generated API types' freshness; bench/: the benchmarks' Lambda
          // environment; test/architecture: the import rules.
          include: [
            'packages/*/src/**/*.test.ts',
            'scripts/**/*.test.ts',
            'bench/**/*.test.ts',
            'test/architecture/**/*.test.ts',
            'test/support/**/*.test.ts',
          ],
          exclude: ['**/*.int.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          maxWorkers,
          // The workers serve file after file against the one JVM: the tier 100.6 -> 84-89 s. A
          // file finds the process as the previous one left it (timeline ids, caches), so no
          // test may rely on a process of its own (timeline.test.ts: ids behind a later clock).
          isolate: false,
          include: ['packages/*/src/**/*.int.test.ts', 'test/integration/**/*.int.test.ts'],
          globalSetup: ['test/support/dynamodb-global-setup.ts'],
          // Request logs would bury the test report; the e2e tier keeps the runtime's own.
          env: { LOG_LEVEL: 'SILENT' },
          // A poll waits on DynamoDB Local; 1 s (the default) is not enough on a busy machine.
          expect: { poll: { timeout: 15_000 } },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          // A file's state is its runtime (a child process, stopped in afterAll) and its browser:
          // the workers serve file after file (e2e tier 185.7 -> 168.2 s).
          isolate: false,
          include: ['test/e2e/**/*.test.ts'],
          // One in-memory DynamoDB Local for every runtime of the tier (test/support/runtime.ts),
          // the same JVM the integration tier then uses (test/support/dynamodb-global-setup.ts).
          globalSetup: ['test/support/dynamodb-global-setup.ts'],
          // A runtime a file leaves running is stopped at its end, and the file fails.
          setupFiles: ['test/support/e2e-setup.ts'],
          // A poll waits on the runtime's answer to a write; 1 s (the default) is not enough on a
          // loaded 2-core machine. As long as the browser tests' own page timeout.
          expect: { poll: { timeout: 15_000 } },
          // The slowest tests take 10 to 20 s on a quiet machine and three times that on a busy
          // one; the slower still set their own (crash, escalation, operations, process).
          testTimeout: 120_000,
          hookTimeout: 120_000,
          maxWorkers,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'web',
          maxWorkers,
          // One jsdom per worker, not per file (8 of them took a third of the tier's time).
          isolate: false,
          include: ['packages/web/src/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['packages/web/test/setup.ts'],
          // A form test types like a user: about 1 s quiet, over 5 s (the default) on a busy
          // machine.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'infra',
          maxWorkers,
          include: ['test/infra/**/*.test.ts'],
          testTimeout: 120_000,
        },
      },
    ],
  },
});
