/**
 * The business figures, as CloudWatch metrics: on Lambda through Powertools Metrics (EMF lines
 * on stdout that CloudWatch turns into metrics, no API call), embedded nowhere. The stack's
 * dashboard and alarms (infra/observability.ts) read these names.
 */
import type { Metrics } from '@aws-lambda-powertools/metrics';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { CaseChange, Store } from '@pantau/core';

export const METRIC = {
  /** A complaint registered (its `case_registered` event committed). */
  casesRegistered: 'CasesRegistered',
  /** An assignment forwarded to an agency, re-forwards included (`assignment_forwarded`). */
  assignmentsForwarded: 'AssignmentsForwarded',
  /** A ladder letter written, by `rung` (the step's action: warning, reminder, …). */
  lettersWritten: 'LettersWritten',
  /** A delivery attempt the mailer refused (the letter stays in the outbox for a retry). */
  deliveriesFailed: 'DeliveriesFailed',
  /** A letter given up after its attempts: `failed`, on central's desk. Alarmed. */
  lettersFailed: 'LettersFailed',
  /** A ladder past due whose execution had ended (failed after its retries): restarted. */
  laddersFailed: 'LaddersFailed',
  /** Ladders the sweep started again: the failed ones and those never started. */
  laddersRestarted: 'LaddersRestarted',
  /** Seconds since the oldest letter still in the outbox was written (0: none). Alarmed. */
  oldestUndeliveredAge: 'OldestUndeliveredLetterAge',
  /**
   * Seconds since the oldest e-mail receipt the sweep read and could not send was written
   * (0: none). Alarmed past a day: the complainant still has no tracking code.
   */
  oldestPendingReceiptAge: 'OldestPendingReceiptAge',
  /**
   * An e-mail the intake refused (no sender, SES's spam or virus scan, an auto-reply or a
   * bounce): SES had accepted it, so nothing else tells anyone. Not alarmed: a public address
   * gets spam and auto-replies every day (infra/README.md, "E-mail intake").
   */
  mailRefused: 'MailRefused',
} as const;
export type MetricName = (typeof METRIC)[keyof typeof METRIC];

/** The dimension `LettersWritten` carries besides the service. */
export const RUNG_DIMENSION = 'rung';

/** Where the engine and the API count what happened. */
export interface BusinessMetrics {
  count(name: MetricName, value: number, dimensions?: Readonly<Record<string, string>>): void;
  seconds(name: MetricName, value: number): void;
}

/** Counts nothing (the embedded runtime, tests). */
export const noMetrics: BusinessMetrics = { count: () => undefined, seconds: () => undefined };

/**
 * Powertools Metrics as `BusinessMetrics`. Plain figures are stored and flushed once at the end
 * of the invocation (the `logMetrics` middleware); a figure with its own dimensions goes out at
 * once as a single metric, so its dimensions do not spill onto the others.
 */
export function powertoolsMetrics(metrics: Metrics): BusinessMetrics {
  return {
    count(name, value, dimensions) {
      if (value <= 0) return;
      if (!dimensions) {
        metrics.addMetric(name, MetricUnit.Count, value);
        return;
      }
      const single = metrics.singleMetric();
      single.addDimensions({ ...dimensions });
      single.addMetric(name, MetricUnit.Count, value);
    },
    seconds(name, value) {
      metrics.addMetric(name, MetricUnit.Seconds, value);
    },
  };
}

const COUNTED_EVENTS: Partial<Record<string, MetricName>> = {
  case_registered: METRIC.casesRegistered,
  assignment_forwarded: METRIC.assignmentsForwarded,
};

/**
 * The store, counting registrations and forwards from the timeline events of each change it
 * commits: only what was written counts (a conflict or a replayed idempotent request adds
 * nothing), and the use cases stay unaware of metrics.
 */
export function countingCommits(store: Store, metrics: BusinessMetrics): Store {
  const count = (changes: readonly CaseChange[]) => {
    const counts = new Map<MetricName, number>();
    for (const event of changes.flatMap((change) => change.events ?? [])) {
      const name = COUNTED_EVENTS[event.type];
      if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    for (const [name, value] of counts) metrics.count(name, value);
  };
  const commit = async (change: CaseChange): Promise<void> => {
    await store.commit(change);
    count([change]);
  };
  // Registrations that waited for their agenda numbers together (`AgendaTurns`).
  const commitAll = async (changes: readonly CaseChange[]): Promise<void> => {
    await store.commitAll(changes);
    count(changes);
  };
  return new Proxy(store, {
    get(target, property) {
      if (property === 'commit') return commit;
      if (property === 'commitAll') return commitAll;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
