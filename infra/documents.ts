/**
 * Attachments' storage on AWS (issue 15): a private, versioned S3 bucket with SSE, TLS only and
 * lifecycle rules; GuardDuty Malware Protection for S3 scanning every new object and tagging
 * it; the API function's rights to presign uploads and downloads, read back, delete and read
 * the scan tag. Only objects GuardDuty tagged `NO_THREATS_FOUND` are served: the API checks the
 * tag before it presigns a download, and the bucket policy denies reading anything else to
 * every other principal.
 */
import { SCAN_RESULT_DETAIL_TYPE, SCAN_TAG } from '@pantau/documents/guardduty';
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as guardduty from 'aws-cdk-lib/aws-guardduty';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { PantauTable } from './data.ts';
import { entryPoint, type PantauFunction, SERVICE } from './function.ts';
import { nagRendering } from './web.ts';
import { KEPT, keepPolicyOf } from './retain.ts';
import { ruleFunction } from './rule-function.ts';

export interface DocumentsProps {
  /** Origins whose browsers POST uploads and follow download links (the console's). */
  readonly allowedOrigins: readonly string[];
}

export class Documents extends Construct {
  readonly bucket: s3.Bucket;
  readonly scanRole: iam.Role;

  constructor(scope: Construct, id: string, props: DocumentsProps) {
    super(scope, id);
    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: KEPT,
    });
    keepPolicyOf(accessLogs);
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'The access-log bucket itself: logging it to another bucket would never end.',
    });
    this.bucket = new s3.Bucket(this, 'Attachments', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'attachments/',
      cors: [
        {
          // The console POSTs the presigned form straight to S3 (20 MB never pass the API).
          allowedMethods: [s3.HttpMethods.POST, s3.HttpMethods.GET],
          allowedOrigins: [...props.allowedOrigins],
          allowedHeaders: ['*'],
          maxAge: 3600,
        },
      ],
      lifecycleRules: [
        // An upload started and never completed leaves parts behind: gone after a day.
        { abortIncompleteMultipartUploadAfter: Duration.days(1) },
        // Replaced or deleted versions (a refused upload, a re-upload) are kept 90 days.
        { noncurrentVersionExpiration: Duration.days(90) },
        // What upload forms wrote (uploads/): read once at completion and then deleted; bytes
        // a form wrote again afterwards, or an upload nobody completed, go after two days (the
        // shorter rule wins where two overlap). Never served, never scanned.
        {
          prefix: 'uploads/',
          expiration: Duration.days(2),
          noncurrentVersionExpiration: Duration.days(1),
        },
        // Scans and evidence are read in the first weeks, rarely after. The blob store writes
        // them into Intelligent-Tiering (packages/documents/src/blob-s3.ts); this moves what was
        // written before it did, or in S3 Standard otherwise.
        {
          transitions: [
            {
              storageClass: s3.StorageClass.INTELLIGENT_TIERING,
              transitionAfter: Duration.days(30),
            },
          ],
        },
      ],
      // Evidence of complaints is part of the record: never deleted with the stack. Its policy
      // is kept too: after a destroy it still refuses objects never scanned clean.
      removalPolicy: KEPT,
    });
    keepPolicyOf(this.bucket);

    // GuardDuty Malware Protection for S3: its own service role, as the GuardDuty guide lists.
    this.scanRole = new iam.Role(this, 'MalwareScanRole', {
      assumedBy: new iam.ServicePrincipal('malware-protection-plan.guardduty.amazonaws.com'),
      description: 'GuardDuty Malware Protection for S3 scans and tags attachments',
    });
    const stack = Stack.of(this);
    this.scanRole.addToPolicy(
      new iam.PolicyStatement({
        actions: [
          'events:PutRule',
          'events:DeleteRule',
          'events:PutTargets',
          'events:RemoveTargets',
          'events:DescribeRule',
          'events:ListTargetsByRule',
        ],
        resources: [
          `arn:${stack.partition}:events:${stack.region}:${stack.account}:rule/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*`,
        ],
      }),
    );
    this.scanRole.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:PutBucketNotification', 's3:GetBucketNotification', 's3:ListBucket'],
        resources: [this.bucket.bucketArn],
      }),
    );
    this.scanRole.addToPolicy(
      new iam.PolicyStatement({
        actions: [
          's3:GetObject',
          's3:GetObjectVersion',
          's3:GetObjectTagging',
          's3:GetObjectVersionTagging',
          's3:PutObjectTagging',
          's3:PutObjectVersionTagging',
        ],
        resources: [this.bucket.arnForObjects('*')],
      }),
    );
    this.scanRole.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:PutObject'],
        resources: [this.bucket.arnForObjects('malware-protection-resource-validation-object')],
      }),
    );
    const finding = (arn: string) => `AwsSolutions-IAM5[Resource::${nagRendering(stack, arn)}]`;
    Validations.of(this.scanRole).acknowledge({
      id: finding(this.bucket.arnForObjects('*')),
      reason: 'GuardDuty scans and tags every object of this one bucket, whatever its key.',
    });
    Validations.of(this.scanRole).acknowledge({
      id: finding(
        `arn:${stack.partition}:events:${stack.region}:${stack.account}:rule/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*`,
      ),
      reason:
        'GuardDuty manages its own EventBridge rules, whose names it chooses under this prefix.',
    });
    const plan = new guardduty.CfnMalwareProtectionPlan(this, 'MalwareProtection', {
      role: this.scanRole.roleArn,
      // What is served only (cases/: checked copies and received files): each file is scanned
      // once, not also as the upload it was checked from (uploads/), which no one reads.
      protectedResource: {
        s3Bucket: { bucketName: this.bucket.bucketName, objectPrefixes: ['cases/'] },
      },
      actions: { tagging: { status: 'ENABLED' } },
    });
    plan.node.addDependency(this.scanRole);

    // Not clean, not served: only GuardDuty (to scan) and the API (to read back an upload,
    // before its scan ends, and to presign) may read an object not tagged clean.
    this.readers.push(this.scanRole.roleArn);
  }

  private readonly readers: string[] = [];

  /**
   * Lets the API function presign uploads and downloads, read back, delete and read the scan
   * tag of attachments (`cases/*`; forms write `uploads/*`), and tells it the bucket: permission
   * and variable together.
   */
  grantAttachments(fn: lambda.Function): void {
    this.allowOnAttachments(
      fn,
      ['s3:PutObject', 's3:GetObject', 's3:DeleteObject', 's3:GetObjectTagging'],
      'Attachments are keyed cases/<caseId>/<attachmentId>, created at run time; the API ' +
        'checks tenancy before presigning any of them.',
    );
    // Upload forms write under uploads/ (the API presigns them, reads the bytes back to check
    // them and deletes them); nothing there is served or scanned.
    this.allowOnAttachments(
      fn,
      ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'],
      'Upload forms write uploads/<caseId>/<attachmentId>, created at run time; the API ' +
        'presigns each after the case’s tenancy checks, reads it back once and deletes it.',
      'uploads/*',
    );
    // Without ListBucket, S3 answers a GET of a key that does not exist 403 AccessDenied, not
    // 404 NoSuchKey: completing an upload whose bytes never came would be a 500, not a 409.
    fn.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [this.bucket.bucketArn] }),
    );
    this.readers.push(fn.role!.roleArn);
    this.bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['s3:GetObject', 's3:GetObjectVersion'],
        resources: [this.bucket.arnForObjects('*')],
        conditions: {
          StringNotEquals: { [`s3:ExistingObjectTag/${SCAN_TAG}`]: 'NO_THREATS_FOUND' },
          ArnNotEquals: { 'aws:PrincipalArn': [...this.readers] },
        },
      }),
    );
  }

  /**
   * Lets an intake function (the e-mail channel) store a new case's files and its .eml, and
   * delete them again when the case is not written; it never reads or presigns attachments,
   * so the bucket policy's readers stay the API and the scanner.
   */
  grantIntake(fn: lambda.Function): void {
    this.allowOnAttachments(
      fn,
      ['s3:PutObject', 's3:DeleteObject'],
      'A received message’s files are keyed cases/<caseId>/<attachmentId>, the case drawn ' +
        'at run time; write and delete only.',
    );
  }

  /** `actions` on `keys` (`cases/*`), the bucket's name in the environment, cdk-nag told why. */
  private allowOnAttachments(
    fn: lambda.Function,
    actions: string[],
    reason: string,
    keys = 'cases/*',
  ): void {
    fn.addEnvironment('ATTACHMENTS_BUCKET', this.bucket.bucketName);
    const objects = this.bucket.arnForObjects(keys);
    fn.addToRolePolicy(new iam.PolicyStatement({ actions, resources: [objects] }));
    Validations.of(fn.role!).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${nagRendering(Stack.of(this), objects)}]`,
      reason,
    });
  }
}

export interface ScanResultsProps {
  readonly table: PantauTable;
  readonly documents: Documents;
  readonly logLevel: string;
}

/**
 * GuardDuty's verdicts as they come, not at a file's first download: a rule on the default event
 * bus takes this bucket's scan results that are not clean to a function (functions/scan-result.ts)
 * that marks the file refused, so no list, count or forwarding letter offers an infected file
 * while nobody has tried to open it. The download still reads the tag: an event lost for good
 * (its dead-letter queue, alarmed) leaves the old safety in place.
 */
export class ScanResults extends Construct {
  readonly handler: PantauFunction;
  /**
   * Scan results that never marked their file: events EventBridge could not hand to Lambda, and
   * events the function kept failing on (or was throttled for) through Lambda's own retries.
   */
  readonly undelivered: sqs.Queue;
  readonly undeliveredAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: ScanResultsProps) {
    super(scope, id);
    const bucket = props.documents.bucket;
    ({
      handler: this.handler,
      undelivered: this.undelivered,
      undeliveredAlarm: this.undeliveredAlarm,
    } = ruleFunction(this, {
      function: {
        entry: entryPoint('scan-result.ts'),
        description: 'Marks an attachment refused when GuardDuty’s malware scan refuses it',
        // Attachments are the API's: its service, so the API's dashboard row counts these.
        observed: { service: SERVICE.api, logLevel: props.logLevel },
        environment: { ATTACHMENTS_BUCKET: bucket.bucketName },
      },
      rule: {
        description: 'GuardDuty scan results of the attachments bucket that are not clean',
        eventPattern: {
          source: ['aws.guardduty'],
          detailType: [SCAN_RESULT_DETAIL_TYPE],
          detail: {
            s3ObjectDetails: { bucketName: [bucket.bucketName] },
            scanResultDetails: { scanResultStatus: events.Match.anythingBut('NO_THREATS_FOUND') },
          },
        },
      },
      lost:
        'A malware scan result that is not clean never reached Pantau (the function kept failing, ' +
        'or was throttled for hours). ' +
        'The file is still refused at its first download, but until then it is listed and counted ' +
        'in forwarding letters: find its key in the ScanResults/Undelivered queue, fix the cause ' +
        'and invoke the function with the event, then delete the queue message.',
    }));
    props.table.grantReadWrite(this.handler);
  }
}
