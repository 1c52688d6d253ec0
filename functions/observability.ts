/**
 * Powertools for the Lambda functions, built once per execution environment from the parsed
 * configuration (functions/config.ts): one Logger at the deployed level, one Metrics in the
 * stack's namespace, one Tracer, all named by the service the stack gives the function.
 */
import type { Context } from 'aws-lambda';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import type { ObservedConfig } from './config.ts';

export interface Powertools {
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly tracer: Tracer;
}

/**
 * Finds the correlation id at `path` in the event: our paths are top-level keys (`correlationId`
 * in a ladder's input, `id` of a schedule event), so a lookup stands in for Powertools' JMESPath
 * `search`, which would add its interpreter (23 KiB minified) to every bundle.
 */
export const correlationIdAt = (path: string, event: unknown): unknown =>
  typeof event === 'object' && event !== null
    ? (event as Record<string, unknown>)[path]
    : undefined;

export function powertools(config: ObservedConfig): Powertools {
  const serviceName = config.POWERTOOLS_SERVICE_NAME;
  return {
    logger: new Logger({
      serviceName,
      logLevel: config.LOG_LEVEL,
      correlationIdSearchFn: correlationIdAt,
    }),
    metrics: new Metrics({ namespace: config.POWERTOOLS_METRICS_NAMESPACE, serviceName }),
    tracer: new Tracer({ serviceName }),
  };
}

/**
 * Flushes the invocation's stored metrics, when there are any. Powertools' `logMetrics` does the
 * same but warns on every invocation that stored none: most API requests register nothing.
 */
const flushMetrics = (metrics: Metrics): MiddlewareObj => {
  const flush = async () => {
    if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
  };
  return { after: flush, onError: flush };
};

/**
 * The handler, as Powertools' examples wrap it with Middy: an X-Ray subsegment per invocation
 * (responses left out: they carry case data), the Lambda context on every log line, the
 * correlation id read from the event at `correlationIdPath` (a top-level key), keys reset between
 * invocations, and the metrics flushed at the end.
 */
export function observed<E, R>(
  handler: (event: E, context: Context) => Promise<R>,
  tools: Powertools,
  options: { readonly correlationIdPath?: string } = {},
) {
  return middy(handler)
    .use(captureLambdaHandler(tools.tracer, { captureResponse: false }))
    .use(
      injectLambdaContext(tools.logger, {
        resetKeys: true,
        ...(options.correlationIdPath ? { correlationIdPath: options.correlationIdPath } : {}),
      }),
    )
    .use(flushMetrics(tools.metrics));
}
