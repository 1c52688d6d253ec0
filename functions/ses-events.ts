import { recordLetterBounce } from '@pantau/core';
import { powertoolsMetrics } from '@pantau/workflow/metrics';
import { onSesEvent } from '@pantau/workflow/ses-events';
import { readSesEventsConfig } from './config.ts';
import { observed, powertools } from './observability.ts';
import { tracedStore } from './table.ts';

const config = readSesEventsConfig();
const tools = powertools(config);
const { logger, metrics, tracer } = tools;
// Marking a letter failed writes no search index: no search key.
// Its one use case, without `Service` (which would load every other one at cold start).
const deps = {
  store: tracedStore(tracer, { tableName: config.TABLE_NAME }),
  clock: () => new Date(),
};

/**
 * SES reported a letter it had accepted undelivered (a bounce or a reject, the rule's filter): a
 * permanent bounce or a reject marks the letter `failed` for central, as a refused send is
 * marked. A throw is retried by EventBridge, then kept in the rule's dead-letter queue. Log
 * lines name the letter by its ids, never an address.
 */
export const handler = observed(async (event: unknown): Promise<void> => {
  await onSesEvent(event, {
    record: (bounce) => recordLetterBounce(deps, bounce),
    metrics: powertoolsMetrics(metrics),
    logger,
  });
}, tools);
