import { recordScanVerdict } from '@pantau/core';
import { onScanResult } from '@pantau/documents/guardduty';
import { readScanResultConfig } from './config.ts';
import { observed, powertools } from './observability.ts';
import { tracedStore } from './table.ts';

const config = readScanResultConfig();
const tools = powertools(config);
const { logger, tracer } = tools;
// Marking a file refused writes no search index: no search key.
// Its one use case, without `Service` (which would load every other one at cold start).
const deps = {
  store: tracedStore(tracer, { tableName: config.TABLE_NAME }),
  clock: () => new Date(),
};

/**
 * GuardDuty published a verdict that is not clean (the rule's filter): the file its object
 * holds is marked refused now, not at its first download. A throw is retried by EventBridge,
 * then kept in the rule's dead-letter queue. The key names the case and the file, never a
 * person; a scan that did not run is the operators' (the download answers 503 meanwhile).
 */
export const handler = observed(async (event: unknown): Promise<void> => {
  const result = await onScanResult(event, {
    bucket: config.ATTACHMENTS_BUCKET,
    record: (input) => recordScanVerdict(deps, input),
  });
  if (result.scan === 'failed') logger.error('malware scan did not run', result);
  else logger.info('malware scan result', result);
}, tools);
