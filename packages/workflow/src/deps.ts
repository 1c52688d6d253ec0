/**
 * What the engine's handlers run with (the Tick, letter delivery, the sweep): the store, the
 * clock, the mailer, and where logs and metrics go.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Mailer, Store } from '@pantau/core';
import type { BusinessMetrics } from './metrics.ts';

/** The store, the clock and the mailer the engine works with; logs and metrics if any. */
export interface EngineDeps {
  readonly store: Store;
  readonly clock: () => Date;
  readonly mailer: Mailer;
  readonly logger?: Logger | undefined;
  readonly metrics?: BusinessMetrics | undefined;
  /**
   * The console's address (`CONSOLE_URL` of the Tick on AWS, `PANTAU_PUBLIC_URL` embedded): the
   * letters the Tick writes link to their case there. None: they say "melalui Pantau" alone.
   */
  readonly consoleUrl?: string | undefined;
}

/**
 * The deps with a logger whose every line names `correlationId`: a child logger, because the
 * embedded engine runs several ladders at once on one logger (on Lambda the handler's logger
 * names it already, from the same input).
 */
export function correlated(deps: EngineDeps, correlationId: string | undefined): EngineDeps {
  if (!deps.logger || !correlationId) return deps;
  return {
    ...deps,
    logger: deps.logger.createChild({ persistentKeys: { correlation_id: correlationId } }),
  };
}
