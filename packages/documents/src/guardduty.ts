/**
 * GuardDuty Malware Protection for S3, as Pantau reads it: the tag it writes on each scanned
 * object (read by the API before it presigns a download) and the EventBridge event it publishes
 * with the same verdict (read by the scan-result function, so a refused file is marked refused
 * as soon as it is scanned). No AWS SDK here: the function that parses the event needs none.
 */
import type { ScanStatus, ScanVerdictOutcome } from '@pantau/core';
// zod's small build: the function parses only GuardDuty's event (BENCHMARKS, "Cold start").
import * as z from 'zod/mini';

/** The tag GuardDuty Malware Protection for S3 writes on each scanned object. */
export const SCAN_TAG = 'GuardDutyMalwareScanStatus';

/** The event's `detail-type` (GuardDuty's guide, "Monitoring S3 object scans with EventBridge"). */
export const SCAN_RESULT_DETAIL_TYPE = 'GuardDuty Malware Protection Object Scan Result';

/** GuardDuty's verdicts (the tag's value, the event's `scanResultStatus`), as the API reads them. */
export function scanStatusOf(tag: string | undefined): ScanStatus {
  switch (tag) {
    case undefined:
      return 'pending';
    case 'NO_THREATS_FOUND':
      return 'clean';
    case 'THREATS_FOUND':
      return 'infected';
    case 'ACCESS_DENIED':
    case 'FAILED':
      // The scan did not run (permissions, KMS, an outage): not the file's fault, not served.
      return 'failed';
    default:
      // UNSUPPORTED (a password-protected file), or a verdict not known here: not served.
      return 'unscannable';
  }
}

/** The fields of the event Pantau reads; GuardDuty sends more (eTag, versionId, threats). */
const ScanResultEvent = z.object({
  source: z.literal('aws.guardduty'),
  'detail-type': z.literal(SCAN_RESULT_DETAIL_TYPE),
  detail: z.object({
    s3ObjectDetails: z.object({
      bucketName: z.string().check(z.minLength(1)),
      objectKey: z.string().check(z.minLength(1)),
    }),
    scanResultDetails: z.object({ scanResultStatus: z.string().check(z.minLength(1)) }),
  }),
});

export interface ScanResultDeps {
  /** The attachments' bucket: an event about another bucket is none of this stack's. */
  readonly bucket: string;
  readonly record: (input: { key: string; scan: ScanStatus }) => Promise<ScanVerdictOutcome>;
}

/**
 * One scan-result event: the verdict recorded on the file its object holds. An event that is not
 * one (another shape, another bucket) throws, so a wrong rule shows in the function's errors
 * instead of passing unseen.
 */
export async function onScanResult(
  event: unknown,
  deps: ScanResultDeps,
): Promise<{ key: string; scan: ScanStatus; outcome: ScanVerdictOutcome }> {
  const { detail } = ScanResultEvent.parse(event);
  const { bucketName, objectKey: key } = detail.s3ObjectDetails;
  if (bucketName !== deps.bucket)
    throw new Error(`a scan result for bucket ${bucketName}, not the attachments' bucket`);
  const scan = scanStatusOf(detail.scanResultDetails.scanResultStatus);
  return { key, scan, outcome: await deps.record({ key, scan }) };
}
