import { Duration, Stack, Token, Validations } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as actions from 'aws-cdk-lib/aws-ses-actions';
import { Construct } from 'constructs';
import { anyInPeriodAlarm } from './alarm.ts';
import type { PantauTable } from './data.ts';
import type { Documents } from './documents.ts';
import { entryPoint, PantauFunction, SERVICE } from './function.ts';
import type { Notify } from './notify.ts';
import { nagRendering } from './web.ts';
import { KEPT, keepPolicyOf } from './retain.ts';

/**
 * Regions where SES receives e-mail (the SES endpoints page, "Email receiving"). Jakarta
 * (ap-southeast-3), Pantau's home, is not one of them: see infra/README.md, "E-mail intake".
 */
export const SES_RECEIVING_REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1'] as const;

export interface MailIntakeProps {
  readonly table: PantauTable;
  /** Where the message's files and its .eml go, as the case's attachments. */
  readonly documents: Documents;
  /** The complaint addresses (or domains) the receipt rule takes mail for. */
  readonly recipients: readonly string[];
  readonly logLevel: string;
  /**
   * Runs reserved for the function (`-c mailIntakeConcurrency`; 0: none reserved). An account
   * must keep 100 of its concurrency unreserved, so one whose quota is lower cannot reserve any.
   */
  readonly concurrency: number;
  /**
   * Central's staff mail domains (`-c mailStaffDomains`, the function's `MAIL_STAFF_DOMAINS`):
   * a citizen's message an officer forwards from one is the citizen's complaint. None: only
   * central's registry contacts count as staff.
   */
  readonly staffDomains?: readonly string[];
  /**
   * How letters leave (`Notify`): a new case's complainant gets their receipt by e-mail from the
   * same address, through the same configuration set, naming `trackingUrl` (the console's
   * tracking page, never with the code).
   */
  readonly notify: Notify;
  readonly trackingUrl: string;
}

/**
 * The e-mail channel on AWS: an SES receipt rule that stores each message (spam and virus
 * scanned) in an encrypted inbox bucket, and a Lambda, called by the bucket, that parses it
 * into a case (functions/mail-intake.ts). The rule set must be made the active one once
 * (`aws ses set-active-receipt-rule-set`; CloudFormation cannot), and deactivated before
 * `cdk destroy` (the same command without a name): SES does not delete the active rule set.
 */
export class MailIntake extends Construct {
  readonly bucket: s3.Bucket;
  readonly handler: PantauFunction;
  /** The receipt rule set the operator activates once (a stack output names it). */
  readonly ruleSet: ses.ReceiptRuleSet;
  /**
   * A message the function could not make a case (after S3's retries of its event): it stays in
   * the inbox bucket under `inbound/` to replay, but nobody would know without this alarm.
   */
  readonly failedAlarm: cloudwatch.Alarm;
  /**
   * S3 events Lambda gave up on (the function failing through its two retries, or throttled
   * until the event was six hours old): each names a message under `inbound/` that is no case.
   */
  readonly undelivered: sqs.Queue;
  /** Any event in `undelivered`: a message that, without it, would silently never be a case. */
  readonly undeliveredAlarm: cloudwatch.Alarm;
  /** The receipts' tracking page and Reply-To, as the handler has them (`sendsReceipts`). */
  private readonly receiptEnvironment: Record<string, string>;

  constructor(scope: Construct, id: string, props: MailIntakeProps) {
    super(scope, id);
    const region = Stack.of(this).region;
    if (
      !Token.isUnresolved(region) &&
      !(SES_RECEIVING_REGIONS as readonly string[]).includes(region)
    ) {
      throw new Error(
        `SES does not receive e-mail in ${region}; the mail intake needs a receiving region ` +
          `(${SES_RECEIVING_REGIONS.join(', ')}), which would keep complainants' messages ` +
          'outside Indonesia: see infra/README.md, "E-mail intake"',
      );
    }
    this.bucket = new s3.Bucket(this, 'Inbox', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // The function copies each .eml onto its case (central-only); this copy is the one to
      // replay a message from if parsing ever failed, kept a year, like the letters.
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: KEPT,
    });
    keepPolicyOf(this.bucket);
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Only SES writes and only the intake function reads; both are recorded by CloudTrail. ' +
        'Server access logs would add a bucket of logs about a bucket of logs.',
    });
    // S3 invokes the function asynchronously: an event that still fails after Lambda's two
    // retries, or waits out its six hours throttled, would be dropped without a trace; here it
    // is kept (its record names the bucket and the object key), 14 days, the most SQS keeps.
    this.undelivered = new sqs.Queue(this, 'Undelivered', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    const replyTo = props.recipients.find((r) => r.includes('@'));
    this.receiptEnvironment = {
      TRACKING_URL: props.trackingUrl,
      // A reply to the receipt comes back here: the first complaint address (not a domain)
      // SES receives for; the letters' address may receive nothing.
      ...(replyTo ? { MAIL_REPLY_TO: replyTo } : {}),
    };
    this.handler = new PantauFunction(this, 'Handler', {
      entry: entryPoint('mail-intake.ts'),
      description: 'Parses a received e-mail into a complaint case',
      timeout: Duration.seconds(60),
      // Anyone can send mail, as much as they like (no per-sender limit): a burst must not take
      // the account's concurrency from the API, Tick and the sweep. Five at once parse hundreds
      // of messages a minute; past that S3's events wait, retried for up to six hours. An
      // account whose quota leaves no room to reserve (below 105) deploys with 0: none.
      ...(props.concurrency > 0 ? { reservedConcurrentExecutions: props.concurrency } : {}),
      deadLetterQueue: this.undelivered,
      environment: {
        INBOX_BUCKET: this.bucket.bucketName,
        ...(props.staffDomains?.length ? { MAIL_STAFF_DOMAINS: props.staffDomains.join(',') } : {}),
        ...this.receiptEnvironment,
      },
      observed: { service: SERVICE.mail, logLevel: props.logLevel },
    });
    props.table.grantReadWrite(this.handler);
    // It registers cases, which are indexed for search in the same transaction.
    props.table.grantSearchKey(this.handler);
    // GetObject of what SES stored, nothing else of the bucket (grantRead would add List* and
    // GetBucket*, which the function never calls).
    const messages = this.bucket.arnForObjects('inbound/*');
    this.handler.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [messages] }),
    );
    props.documents.grantIntake(this.handler);
    // The complainant's receipt: SES sending as the letters' address only (`MAIL_FROM`).
    props.notify.grantSend(this.handler);
    // cdk-nag acknowledges a finding by its exact id, on the resource or an ancestor: the
    // role's policy, not the function beside it (issue 10's lesson, as in web.ts).
    Validations.of(this.handler.role!).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${nagRendering(Stack.of(this), messages)}]`,
      reason: 'Reads any message under inbound/ of its own inbox bucket: the keys are SES’s.',
    });
    this.bucket.addEventNotification(
      s3.EventType.OBJECT_CREATED,
      new s3n.LambdaDestination(this.handler),
      { prefix: 'inbound/' },
    );
    // The event notification is configured by CDK's stack-level handler (a singleton).
    for (const child of Stack.of(this).node.children) {
      if (child.node.id.startsWith('BucketNotificationsHandler')) {
        Validations.of(child).acknowledge({
          id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
          reason:
            "CDK's BucketNotificationsHandler, which sets the inbox's event notification during " +
            'deploys only: aws-cdk-lib gives it the managed basic execution role (its logs).',
        });
      }
    }
    this.failedAlarm = anyInPeriodAlarm(
      this,
      'FailedAlarm',
      'An e-mail to the complaint address could not be made a case. It is kept in the inbox ' +
        'bucket under inbound/: find it by the function log, fix the cause, and replay it.',
      this.handler.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
    );
    this.undeliveredAlarm = anyInPeriodAlarm(
      this,
      'UndeliveredAlarm',
      'An e-mail to the complaint address never became a case: Lambda gave up on its S3 event ' +
        '(the function kept failing, or was throttled for hours). The message is in the inbox ' +
        'bucket under inbound/, its key in the MailIntake/Undelivered queue: replay it, then ' +
        'delete the queue message.',
      this.undelivered.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: 'Maximum',
      }),
    );
    this.ruleSet = new ses.ReceiptRuleSet(this, 'Rules');
    const ruleSet = this.ruleSet;
    ruleSet.addRule('Complaints', {
      recipients: [...props.recipients],
      scanEnabled: true,
      tlsPolicy: ses.TlsPolicy.REQUIRE,
      actions: [new actions.S3({ bucket: this.bucket, objectKeyPrefix: 'inbound/' })],
    });
  }

  /**
   * Tells `fn` (the sweep) what the handler sends receipts with, so that it sends those whose
   * send failed here alike: the tracking page and the Reply-To. Sending as the letters' address
   * is `Notify.grantSend`'s, which the sweep has for the letters.
   */
  sendsReceipts(fn: PantauFunction): void {
    for (const [name, value] of Object.entries(this.receiptEnvironment))
      fn.addEnvironment(name, value);
  }
}
