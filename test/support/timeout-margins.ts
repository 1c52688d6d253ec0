/**
 * A reporter that prints, after every run, how close the slowest tests came to their timeouts.
 * Each test should finish within a third of its timeout even on a busy machine (README, "Tests"),
 * so that a slow hour does not fail a run. It reports and never fails: the suite has no timing
 * assertions. The set-up hooks (`beforeAll`) are listed by duration: a reporter is not told a
 * hook's timeout, so their margins are read against the timeouts in README "Tests".
 */
import { relative } from 'node:path';
import type { ReportedHookContext, Reporter, TestModule, Vitest } from 'vitest/node';

const SHOWN = 5;

interface Timed {
  readonly name: string;
  readonly ms: number;
  readonly timeout?: number;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export default class TimeoutMargins implements Reporter {
  private readonly hookStarts = new Map<string, number>();
  private readonly hooks: Timed[] = [];
  private root = process.cwd();

  onInit(vitest: Vitest): void {
    this.root = vitest.config.root;
  }

  /** Watch mode runs again in the same reporter: each run reports its own set-ups. */
  onTestRunStart(): void {
    this.hooks.length = 0;
    this.hookStarts.clear();
  }

  onHookStart(hook: ReportedHookContext): void {
    if (hook.name === 'beforeAll') this.hookStarts.set(hook.entity.id, performance.now());
  }

  onHookEnd(hook: ReportedHookContext): void {
    const started = this.hookStarts.get(hook.entity.id);
    if (hook.name !== 'beforeAll' || started === undefined) return;
    this.hookStarts.delete(hook.entity.id);
    const module = hook.entity.type === 'module' ? hook.entity : hook.entity.module;
    this.hooks.push({
      name: relative(this.root, module.moduleId),
      ms: performance.now() - started,
    });
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const tests: Timed[] = [];
    for (const module of modules)
      for (const test of module.children.allTests()) {
        const ms = test.diagnostic()?.duration;
        const timeout = test.options.timeout;
        if (ms === undefined || !timeout) continue;
        tests.push({ name: `${relative(this.root, module.moduleId)} > ${test.name}`, ms, timeout });
      }
    if (tests.length === 0) return;
    const share = (t: Timed) => t.ms / t.timeout!;
    tests.sort((a, b) => share(b) - share(a));
    // The five nearest, and every test past a third however many: each needs an honest timeout
    // or a shorter path, and a run on a busy machine is where they show.
    const past = tests.filter((t) => share(t) > 1 / 3).length;
    const lines = [
      '',
      ` Timeout margins (each test within a third of its timeout; README "Tests"):`,
      ...tests
        .slice(0, Math.max(SHOWN, past))
        .map(
          (t) =>
            `   ${(share(t) * 100).toFixed(0).padStart(3)} %  ${seconds(t.ms)} of ${seconds(t.timeout!)}  ${t.name}`,
        ),
      `   ${past} of ${tests.length} tests past a third`,
    ];
    if (this.hooks.length > 0) {
      this.hooks.sort((a, b) => b.ms - a.ms);
      lines.push(
        ' Longest set-ups (beforeAll):',
        ...this.hooks.slice(0, SHOWN).map((h) => `   ${seconds(h.ms).padStart(8)}  ${h.name}`),
      );
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}
