import { powertoolsMetrics, tick } from '@pantau/workflow';
import { onDemandMailer } from '@pantau/documents/on-demand';
import { readLadderTickConfig } from './config.ts';
import { observed, powertools } from './observability.ts';
import { tracedStore } from './table.ts';

// Module scope: built once per execution environment, reused by every invocation.
const config = readLadderTickConfig();
const tools = powertools(config);
const { logger, metrics, tracer } = tools;

const store = tracedStore(tracer, { tableName: config.TABLE_NAME });

// SES's client loads with the first letter sent (functions/letters-ses.ts).
const mailer = onDemandMailer(async () =>
  (await import('./letters-ses.ts')).lettersMailer(tracer, config),
);

const deps = {
  store,
  clock: () => new Date(),
  mailer,
  logger,
  metrics: powertoolsMetrics(metrics),
  // The letters link to their case in the console.
  ...(config.CONSOLE_URL ? { consoleUrl: config.CONSOLE_URL } : {}),
};

/**
 * The ladder state machine's `Tick` task (a plain Lambda ARN Resource, so the event is the state
 * input and the result lands at `$.tick`). `tick` parses the input with zod; a throw is retried
 * by the state machine. The input's `correlationId` (the request that armed the ladder) is on
 * every log line.
 */
export const handler = observed((event: unknown) => tick(deps, event), tools, {
  correlationIdPath: 'correlationId',
});
