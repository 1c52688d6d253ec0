/**
 * The order files start in: each tier's longest first, so that the two workers end together.
 *
 * Vitest orders by the durations it recorded in the last run (`node_modules/.vite`), and a
 * clean clone, which is what CI runs, has none: it then falls back to file size, and the size of
 * a test file says little about its time. In a clean clone's run (2026-11-30, 14:54) the crash
 * test (32 s) started last of the e2e tier, the deploy path (43 s) last of the infra tier, and
 * the statistics (27 s) and re-arming jobs (24 s) among the integration tier's last, so one
 * worker ran them alone at the end while the other idled. `EXPECTED` stands in for the record a
 * clean clone lacks: the seconds each file over 5 s took in a run from a fresh `npm ci`
 * (2026-12-03, 12:00, 2 cores, idle). A file not listed is taken as short; a stale figure only costs order,
 * never a result. A recorded duration, where there is one, comes first, as in Vitest's own
 * sequencer; so do files that failed last time.
 *
 * The tiers still run one after another (by name, as Vitest's sequencer does): a worker serves
 * one tier's files in a row, its Chromium or its module cache reused (`isolate: false`).
 */
import { stat } from 'node:fs/promises';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export const EXPECTED: Readonly<Record<string, number>> = {
  'test/e2e/console-oversight.test.ts': 68,
  'test/infra/deploy-path.test.ts': 57,
  'packages/local/src/ladder-model.int.test.ts': 50,
  'test/e2e/crash.test.ts': 47,
  'test/e2e/console-desk.test.ts': 46,
  'test/e2e/console-plain.test.ts': 45,
  'packages/local/src/jobs.int.test.ts': 43,
  'packages/web/src/pages/case-detail.test.tsx': 31,
  'test/integration/stats.int.test.ts': 31,
  'test/infra/stack.test.ts': 30,
  'test/e2e/runtime.test.ts': 28,
  'test/e2e/console-track.test.ts': 27,
  'test/e2e/console.test.ts': 23,
  'test/e2e/matrix.test.ts': 21,
  'test/e2e/documents.test.ts': 20,
  'test/e2e/console-calendar-year.test.ts': 19,
  'test/e2e/console-agency-day.test.ts': 18,
  'test/e2e/console-complain.test.ts': 18,
  'test/integration/attachments.int.test.ts': 18,
  'test/e2e/isolation.test.ts': 18,
  'test/e2e/console-oidc.test.ts': 16,
  'test/e2e/escalation.test.ts': 15,
  'test/e2e/console-failed-letters.test.ts': 15,
  'packages/local/src/dynamodb-local.int.test.ts': 14,
  'packages/web/src/components/case-actions.test.tsx': 14,
  'test/integration/mail.int.test.ts': 14,
  'test/e2e/console-documents.test.ts': 14,
  'test/e2e/concurrency-and-logs.test.ts': 14,
  'packages/workflow/src/sweep.int.test.ts': 13,
  'test/infra/context.test.ts': 13,
  'test/e2e/process.test.ts': 12,
  'test/e2e/console-keyboard.test.ts': 11,
  'test/integration/growth.int.test.ts': 11,
  'packages/api/src/responses.int.test.ts': 11,
  'test/e2e/auth-hardening.test.ts': 11,
  'test/e2e/console-admin.test.ts': 10,
  'test/e2e/import-register.test.ts': 9,
  'test/e2e/docs.test.ts': 9,
  'packages/local/src/engine.int.test.ts': 9,
  'test/e2e/operations.test.ts': 9,
  'test/e2e/console-phone.test.ts': 8,
  'packages/local/src/recipients.int.test.ts': 7,
  'test/integration/agenda.int.test.ts': 7,
  'test/e2e/letters-agency.test.ts': 7,
  'packages/api/src/edge.int.test.ts': 7,
  'test/integration/wide-cases.int.test.ts': 7,
  'test/e2e/console-origin.test.ts': 7,
  'test/integration/mail-receipt-model.int.test.ts': 6,
  'test/e2e/intake.test.ts': 6,
  'test/e2e/oversight.test.ts': 6,
  'packages/web/src/pages/case-new.test.tsx': 6,
  'packages/store/src/paging.int.test.ts': 6,
  'test/e2e/queue.test.ts': 6,
  'test/integration/focal-point-letters.int.test.ts': 5,
  'test/integration/search.int.test.ts': 5,
  'test/integration/oversight.int.test.ts': 5,
  'test/e2e/track.test.ts': 5,
  'test/infra/aws-clients.test.ts': 5,
};

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const seconds = new Map<TestSpecification, number>();
    await Promise.all(
      files.map(async (spec) => {
        const recorded = this.ctx.cache.getTestSpecificationResult(spec);
        const expected = EXPECTED[relative(root, spec.moduleId)];
        // Unlisted and never run: a bigger file first, all after the listed ones (under 5 s).
        const bySize = async () =>
          Math.min((await stat(spec.moduleId).catch(() => ({ size: 0 }))).size / 1e5, 4);
        seconds.set(spec, recorded ? recorded.duration / 1000 : (expected ?? (await bySize())));
      }),
    );
    const failed = (spec: TestSpecification) =>
      this.ctx.cache.getTestSpecificationResult(spec)?.failed ? 0 : 1;
    return [...files].sort(
      (a, b) =>
        a.project.config.sequence.groupOrder - b.project.config.sequence.groupOrder ||
        a.project.name.localeCompare(b.project.name) ||
        failed(a) - failed(b) ||
        seconds.get(b)! - seconds.get(a)!,
    );
  }
}
