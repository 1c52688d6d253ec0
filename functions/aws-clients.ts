/**
 * The options every AWS SDK client of the functions is built with: how long a call may take.
 *
 * The SDK's own default is no limit at all (`@smithy/node-http-handler`: `requestTimeout` 0, no
 * connection or socket timeout). A connection that stalls would wait until the Lambda's timeout
 * killed the invocation, and with it the rest of its work: the sweep's other letters (a letter
 * whose send never returned is never counted as tried, so it came first again in every run), a
 * Tick whose retry sends its letter again, an API request answered by API Gateway's 503.
 *
 * With these limits a stalled call fails with a `TimeoutError`, which the SDK's standard retries
 * take as transient (3 attempts with backoff: about 16 s at worst), and a stall that persists
 * reaches our code as an error it records: a letter's failed attempt, a Tick that Step Functions
 * retries, a 503 the console explains. Our calls are small (a DynamoDB page is at most 1 MB, a
 * letter with its PDF about 150 KB); S3's bodies stream after the response's headers arrived, so
 * only the wait for those and a silent socket are bounded there.
 */
export const SDK_TIMEOUTS = {
  /** Connecting (TCP and TLS) to the regional endpoint. */
  connectionTimeout: 3_000,
  /** From sending the request to the response's headers. */
  requestTimeout: 5_000,
  /** A socket silent this long while a response is read. */
  socketTimeout: 5_000,
} as const;

export const sdkOptions = {
  requestHandler: { ...SDK_TIMEOUTS, throwOnRequestTimeout: true },
} as const;
