/**
 * What `bench/cost.ts` prices with, and what it assumes: each price with its source and the
 * date it was read or in force (BENCHMARKS.md "Cost of a complaint" repeats them).
 */
/**
 * Prices, US East (N. Virginia), on-demand. Sources as stored copies of the pages, read
 * 2026-11-29 unless said otherwise; "in force" is the date the source states the price for.
 */
export const PRICE = {
  // aws.amazon.com/step-functions/pricing: Standard workflows, in force 2024 (BENCHMARKS.md).
  transition: 0.025 / 1_000,
  // aws.amazon.com/lambda/pricing: arm64, in force 2024. Since 2025-08-01 the INIT phase of a
  // ZIP function on a managed runtime is billed as its invocations' duration is (AWS Compute
  // Blog, "AWS Lambda standardizes billing for INIT Phase", 2025-04-29; read 2026-12-04).
  lambdaRequest: 0.2 / 1_000_000,
  gbSecond: 0.0000133334,
  // aws.amazon.com/dynamodb/pricing/on-demand: in force since the reduction of 2024-11-01.
  wru: 0.625 / 1_000_000,
  rru: 0.125 / 1_000_000,
  // aws.amazon.com/xray/pricing: $5 per million traces recorded (100,000 a month free).
  trace: 5 / 1_000_000,
  // aws.amazon.com/cloudwatch/pricing (free tier: 10 alarm metrics, 10 custom metrics, 3
  // dashboards, 5 GB of logs), paid tier as summarised for us-east-1 by cloudburn.io
  // (February 2026) and factualminds.com (2026-06-13): $0.10 per standard alarm metric a month,
  // $0.30 per custom metric a month (first 10,000), $3 per dashboard a month, logs $0.50 per
  // GB ingested and $0.03 per GB-month stored.
  alarmMetric: 0.1,
  customMetric: 0.3,
  dashboard: 3,
  logIngestGb: 0.5,
  logStoreGbMonth: 0.03,
  // aws.amazon.com/waf/pricing, as summarised by c3x.dev ("AWS WAF cost explained", 2026) and
  // AWS's blog "Cost-effective ways for securing your web applications using AWS WAF" (the
  // same in every region): $5 per web ACL a month, $1 per rule or managed rule group a month,
  // $0.60 per million requests.
  webAcl: 5,
  wafRule: 1,
  wafRequest: 0.6 / 1_000_000,
  // aws.amazon.com/api-gateway/pricing and AWS's whitepaper "Best Practices for Designing Amazon
  // API Gateway Private APIs" (cost optimization, us-east-1): HTTP APIs $1.00 per million
  // requests (first 300 million).
  httpApiRequest: 1 / 1_000_000,
  // aws.amazon.com/secrets-manager/pricing (as quoted by hivebook.wiki, 2026): $0.40 per
  // secret a month, $0.05 per 10,000 API calls.
  secret: 0.4,
  secretCall: 0.05 / 10_000,
  // aws.amazon.com/cognito/pricing: Essentials tier (the pool's, infra/auth.ts), 10,000 monthly
  // active users free (c3x.dev, "aws_cognito_user_pool cost estimation", 2026), $0.015 per MAU
  // above.
  cognitoFreeMau: 10_000,
  cognitoMau: 0.015,
  // aws.amazon.com/guardduty/pricing, as transcribed on 2026-10-07 (api-evangelist/
  // amazon-guardduty, plans/amazon-guardduty-plans-pricing.yml): Malware Protection for S3
  // $0.09 per GB scanned and $0.215 per 1,000 objects evaluated (12 months free: 1,000 objects
  // and 1 GB a month).
  malwareGb: 0.09,
  malwareObject: 0.215 / 1_000,
  // aws.amazon.com/s3/pricing, US East (N. Virginia), read 2026-12-04 from a stored copy of the
  // page (one that lists S3 Express One Zone's RenameObject, so of 2025 or later): S3 Standard
  // $0.023 per GB-month (first 50 TB), PUT, COPY and POST $0.005 and GET $0.0004 per 1,000
  // requests, the same for S3 Intelligent-Tiering; Intelligent-Tiering's Frequent Access tier
  // $0.023, Infrequent Access tier $0.0125 and Archive Instant Access tier $0.004 per GB-month,
  // monitoring and automation $0.0025 per 1,000 objects over 128 KB a month, no retrieval fees.
  s3GbMonth: 0.023,
  s3Put: 0.005 / 1_000,
  s3Get: 0.0004 / 1_000,
  tieringInfrequentGbMonth: 0.0125,
  tieringArchiveInstantGbMonth: 0.004,
  tieringObjectMonth: 0.0025 / 1_000,
  // S3 Object Tagging (GuardDuty's scan tag on each file): $0.0065 per 10,000 tags a month since
  // AWS's reduction of March 2025 (aws.amazon.com/about-aws/whats-new/2025/03/amazon-s3-reduces-
  // pricing-object-tagging, as cited by a stored S3 design note; a stored copy of the S3 pricing
  // page lists the same for Middle East (UAE)), read 2026-12-04.
  s3TagMonth: 0.0065 / 10_000,
  // aws.amazon.com/ses/pricing (acecloudinterviews.com's SES tutorial, 2026): $0.10 per 1,000
  // e-mails sent.
  sesEmail: 0.1 / 1_000,
};

/** What the template cannot say: how the unit works. Stated, not measured. */
export const ASSUME = {
  staff: 50,
  // Console requests a member of staff makes a working day (lists, cases, the queue).
  requestsPerStaffDay: 300,
  workingDaysPerMonth: 21,
  attachmentsPerComplaint: 2,
  attachmentMb: 1,
  // Downloads of each attachment by staff, the last of them this many days after the upload
  // (while central and the agency work the case).
  attachmentReads: 2,
  attachmentLastReadDay: 30,
  // Lambda's own START, END and REPORT lines per invocation, in bytes.
  platformLogBytes: 350,
  // One API Gateway access log line (infra/api.ts's format), in bytes.
  accessLogBytes: 400,
  // API cold starts a day, each reading its two secrets, the search key and the origin
  // secret (functions/secrets.ts: one GetSecretValue each).
  coldStartsPerDay: 100,
  secretReadsPerColdStart: 2,
  // The share of invocations that start a new environment (and pay its INIT) at 300,000
  // complaints a year, when the functions stay warm: AWS's analysis of production workloads,
  // "under 1% of invocations" (the INIT billing post above). At the unit's 1,200 a year its
  // Ticks run hours apart and every sweep run 15 minutes after the last: each is counted as a
  // cold start (an upper bound: AWS does not say how long an idle environment is kept).
  coldStartShareAtScale: 0.01,
};
export const MONTH_DAYS = 30.4;

export const LAMBDA_GB = 1; // infra/function.ts: 1,024 MB
