import { Annotations, CfnOutput, Lazy, Stack, Token } from 'aws-cdk-lib';
import type { App, StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { complaintAddressOf } from '@pantau/core/schemas';
import { Api } from './api.ts';
import { Auth } from './auth.ts';
import { PantauTable } from './data.ts';
// Issue 15: attachments' bucket and its malware scan.
import { Documents, ScanResults } from './documents.ts';
import { EDGE_REGION, PantauEdgeStack } from './edge.ts';
import { Escalation } from './escalation.ts';
import { MAIL_INTAKE_CONCURRENCY } from './context.ts';
import { MailIntake } from './mail-intake.ts';
import { LetterBounces } from './letter-bounces.ts';
import { Notify } from './notify.ts';
import { RearmJobs } from './rearm-jobs.ts';
import { Observability } from './observability.ts';
import { Seed } from './seed.ts';
import { Web } from './web.ts';

/**
 * Jakarta, where Pantau is deployed: complainants' identities are personal data of a
 * public-sector electronic system, to be kept in Indonesia (PP 71/2019). The documented region
 * rather than a forced one: `app.ts` warns when the CLI resolved another (infra/README.md).
 */
export const HOME_REGION = 'ap-southeast-3';

export interface PantauStackProps extends StackProps {
  /**
   * OAuth redirect URIs of a console served elsewhere (a local dev server), besides the
   * distribution's own, which is always allowed. Their origins are the API's CORS origins.
   */
  readonly callbackUrls: readonly string[];
  /** Where Cognito may send the browser after sign-out, besides the distribution's `/`. */
  readonly logoutUrls: readonly string[];
  /** Cognito hosted sign-in domain prefix; without it there is no hosted sign-in page. */
  readonly authDomainPrefix?: string;
  /** Log level of the Lambda functions (Powertools `LOG_LEVEL`). */
  readonly logLevel: string;
  /** From address of the escalation letters; it or its domain must be verified in SES. */
  readonly mailFrom: string;
  /**
   * The letters' `Reply-To` (`-c lettersReplyTo`): a mailbox the unit reads, where an agency's
   * answer by e-mail goes. Never a complaint address (`mailIntake`): the answer would become a
   * complaint. None: the letters have no `Reply-To`.
   */
  readonly lettersReplyTo?: string;
  /** Who gets the alarms by e-mail (an SNS e-mail subscription); none: nobody is subscribed. */
  readonly alarmEmail?: string;
  /** The built web console (default `packages/web/dist`, see `npm run build`). */
  readonly webAssetsPath?: string;
  /** Cognito threat protection on the Plus plan (off by default for its cost, see auth.ts). */
  readonly threatProtection?: boolean;
  /**
   * The CloudFront web ACL's ARN, from the us-east-1 companion stack (`pantauStacks` wires
   * it). Without it the stack has no WAF, which only an environment-agnostic synth accepts.
   */
  readonly webAclArn?: string;
  /**
   * The e-mail channel (SES receiving): the addresses complaints are sent to. Only in a region
   * where SES receives mail, which Jakarta is not (infra/README.md, "E-mail intake").
   */
  readonly mailIntake?: {
    readonly recipients: readonly string[];
    readonly concurrency?: number;
    /** Central's staff mail domains (`-c mailStaffDomains`): see `MailIntakeProps`. */
    readonly staffDomains?: readonly string[];
  };
  /**
   * An existing table instead of a new one (`-c tableName`): a point-in-time restore, or the
   * table a destroyed stack retained. Every deploy after the switch must name it again.
   */
  readonly tableName?: string;
  /** The search key that table was indexed with, when not this stack's own (`data.ts`). */
  readonly searchKeySecretArn?: string;
  /**
   * After a rotation of the origin secret (`-c originSecretVersion`): the version CloudFront's
   * header names, so the distribution is updated and takes the new value (see `ApiProps`).
   */
  readonly originSecretVersion?: string;
}

/**
 * Pantau on AWS: the table, the user pool, the HTTP API, the web console in front of it, the
 * escalation ladders and their mail, and the seed, wired together.
 */
export class PantauStack extends Stack {
  constructor(scope: Construct, id: string, props: PantauStackProps) {
    super(scope, id, props);
    if (props.lettersReplyTo && props.mailIntake) {
      const complaints = complaintAddressOf(props.lettersReplyTo, props.mailIntake.recipients);
      if (complaints)
        throw new Error(
          `lettersReplyTo ${props.lettersReplyTo} is a complaint address (mailIntakeRecipients ` +
            `${complaints}): an agency's answer to a letter would be registered as a new ` +
            'complaint. Name a mailbox the unit reads that SES does not receive for.',
        );
    }
    const data = new PantauTable(this, 'Data', {
      ...(props.tableName ? { tableName: props.tableName } : {}),
      ...(props.searchKeySecretArn ? { searchKeySecretArn: props.searchKeySecretArn } : {}),
    });
    // The console's address is the distribution's, and the distribution needs the API, whose
    // JWT authorizer needs the app client: the client takes the address as a lazy value,
    // resolved at synth once the distribution exists. CloudFormation sees no cycle (client →
    // distribution → API; authorizer → client, API).
    const consoleUrl = Lazy.string({ produce: () => web.url });
    const auth = new Auth(this, 'Auth', {
      callbackUrls: [`${consoleUrl}/auth/callback`, ...props.callbackUrls],
      logoutUrls: [`${consoleUrl}/`, ...props.logoutUrls],
      ...(props.authDomainPrefix ? { domainPrefix: props.authDomainPrefix } : {}),
      ...(props.threatProtection ? { threatProtection: true } : {}),
    });
    const api = new Api(this, 'Api', {
      table: data,
      auth,
      logLevel: props.logLevel,
      ...(props.originSecretVersion ? { originSecretVersion: props.originSecretVersion } : {}),
      // The distribution serves the console and the API from one origin, which needs no CORS;
      // only a console served from elsewhere (the extra callback URLs) calls across origins.
      allowedOrigins: [...new Set(props.callbackUrls.map((url) => new URL(url).origin))],
    });
    const web = new Web(this, 'Web', {
      httpApi: api.httpApi,
      auth,
      originSecret: api.originSecret,
      ...(props.webAssetsPath ? { assetsPath: props.webAssetsPath } : {}),
      ...(props.webAclArn ? { webAclArn: props.webAclArn } : {}),
    });
    if (!props.webAclArn && Token.isUnresolved(this.region)) {
      Annotations.of(this).addWarningV2(
        'pantau:waf',
        'No region at synth: no WAF. The CloudFront web ACL lives in a us-east-1 companion ' +
          "stack attached by a cross-region reference, which needs this stack's region; the " +
          'CLI always gives one (AWS_REGION, the profile, or us-east-1).',
      );
    }
    const documents = new Documents(this, 'Documents', {
      allowedOrigins: [
        consoleUrl,
        ...new Set(props.callbackUrls.map((url) => new URL(url).origin)),
      ],
    });
    documents.grantAttachments(api.handler);
    const scanResults = new ScanResults(this, 'ScanResults', {
      table: data,
      documents,
      logLevel: props.logLevel,
    });
    api.handler.addEnvironment('TRACKING_URL', `${consoleUrl}/track`);
    // The invitation letters planning an activity writes link to their case there.
    api.handler.addEnvironment('CONSOLE_URL', consoleUrl);
    const notify = new Notify(this, 'Notify', {
      mailFrom: props.mailFrom,
      ...(props.lettersReplyTo ? { lettersReplyTo: props.lettersReplyTo } : {}),
    });
    const escalation = new Escalation(this, 'Escalation', {
      table: data,
      notify,
      logLevel: props.logLevel,
      // The letters link to their case there.
      consoleUrl,
    });
    // A letter SES accepted and then could not deliver is marked failed when SES says so.
    const letterBounces = new LetterBounces(this, 'LetterBounces', {
      table: data,
      notify,
      logLevel: props.logLevel,
    });
    // Forwarding a case arms its assignments' ladders.
    escalation.grantStartExecution(api.handler);
    // Calendar and policy edits re-arm open assignments in a job.
    const rearmJobs = new RearmJobs(this, 'RearmJobs', {
      table: data,
      escalation,
      logLevel: props.logLevel,
    });
    rearmJobs.grantStart(api.handler);
    const mailIntake = props.mailIntake
      ? new MailIntake(this, 'MailIntake', {
          table: data,
          documents,
          recipients: props.mailIntake.recipients,
          concurrency: props.mailIntake.concurrency ?? MAIL_INTAKE_CONCURRENCY,
          ...(props.mailIntake.staffDomains ? { staffDomains: props.mailIntake.staffDomains } : {}),
          // The complainant's receipt goes as the letters do, naming the tracking page.
          notify,
          trackingUrl: `${consoleUrl}/track`,
          logLevel: props.logLevel,
        })
      : undefined;
    // A receipt whose send failed at intake is sent by the sweep, as the intake sends it.
    mailIntake?.sendsReceipts(escalation.sweep);
    // The document settings refuse a complaint address as the unit's e-mail, which the letters
    // answer to as this stack's `lettersReplyTo` would (checked above, by the same rule).
    if (props.mailIntake)
      api.handler.addEnvironment('MAIL_INTAKE_RECIPIENTS', props.mailIntake.recipients.join(','));
    const observability = new Observability(this, 'Observability', {
      api,
      escalation,
      alarms: [
        rearmJobs.failedExecutionsAlarm,
        scanResults.undeliveredAlarm,
        letterBounces.undeliveredAlarm,
        ...(mailIntake ? [mailIntake.failedAlarm, mailIntake.undeliveredAlarm] : []),
      ],
      mailReceipts: mailIntake !== undefined,
      ...(props.alarmEmail ? { alarmEmail: props.alarmEmail } : {}),
    });
    new Seed(this, 'Seed', { table: data, rearmJobs });

    new CfnOutput(this, 'ConsoleUrl', {
      value: web.url,
      description: 'The web console, with the API under /v1 (CloudFront)',
    });
    new CfnOutput(this, 'ApiUrl', { value: api.url, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'UserPoolId', {
      value: auth.userPool.userPoolId,
      description: 'Staff accounts: create users here (aws cognito-idp admin-create-user)',
    });
    new CfnOutput(this, 'UserPoolClientId', {
      value: auth.client.userPoolClientId,
      description:
        'The console app client, the aud the API accepts (admin-initiate-auth --client-id)',
    });
    new CfnOutput(this, 'TableName', {
      value: data.table.tableName,
      description: 'The DynamoDB table, retained by a destroy (restore: infra/README.md)',
    });
    new CfnOutput(this, 'AlarmTopicArn', {
      value: observability.topic.topicArn,
      description: 'Where the alarms go (subscribe more addresses or a chat integration here)',
    });
    new CfnOutput(this, 'DashboardName', {
      value: observability.dashboard.dashboardName,
      description: 'The CloudWatch dashboard: the API, functions, ladders, letters and alarms',
    });
    if (mailIntake) {
      new CfnOutput(this, 'MailIntakeRuleSetName', {
        value: mailIntake.ruleSet.receiptRuleSetName,
        description: 'Activate once: aws ses set-active-receipt-rule-set --rule-set-name <this>',
      });
      // What a replay of a message that never became a case needs (infra/README.md).
      new CfnOutput(this, 'MailIntakeFunctionName', {
        value: mailIntake.handler.functionName,
        description: 'The intake function: invoke it with an undelivered S3 event to replay it',
      });
      new CfnOutput(this, 'MailIntakeUndeliveredQueueUrl', {
        value: mailIntake.undelivered.queueUrl,
        description:
          'S3 events Lambda gave up on (MailIntakeUndeliveredAlarm): replay, then delete',
      });
      new CfnOutput(this, 'MailIntakeInboxBucket', {
        value: mailIntake.bucket.bucketName,
        description: 'The received messages, under inbound/ (kept a year)',
      });
    }
    // What a replay of an undelivered scan result needs (infra/README.md).
    new CfnOutput(this, 'ScanResultsFunctionName', {
      value: scanResults.handler.functionName,
      description:
        'Marks refused files: invoke it with an undelivered GuardDuty event to replay it',
    });
    new CfnOutput(this, 'ScanResultsUndeliveredQueueUrl', {
      value: scanResults.undelivered.queueUrl,
      description:
        'GuardDuty scan results that never marked their file (ScanResultsUndeliveredAlarm)',
    });
    // What a replay of an undelivered SES event needs (infra/README.md, "Bounced letters").
    new CfnOutput(this, 'LetterBouncesFunctionName', {
      value: letterBounces.handler.functionName,
      description:
        'Marks bounced letters failed: invoke it with an undelivered SES event to replay it',
    });
    new CfnOutput(this, 'LetterBouncesUndeliveredQueueUrl', {
      value: letterBounces.undelivered.queueUrl,
      description:
        'SES bounces and rejects that never marked their letter (LetterBouncesUndeliveredAlarm)',
    });
    new CfnOutput(this, 'StateMachineArn', {
      value: escalation.stateMachine.stateMachineArn,
      description: 'The escalation ladder state machine (one execution per assignment ladder)',
    });
    new CfnOutput(this, 'RearmStateMachineArn', {
      value: rearmJobs.stateMachineArn,
      description:
        'Background jobs, one execution rearm-<jobId> each: re-armings of calendar and policy ' +
        'edits, and the upgrade of stored data a deploy starts',
    });
  }
}

/** The stacks of one Pantau deployment. */
export interface PantauStacks {
  readonly main: PantauStack;
  /** The us-east-1 companion with the CloudFront web ACL; none without a region. */
  readonly edge: PantauEdgeStack | undefined;
}

/**
 * Pantau in its region and, when the region is known, its us-east-1 companion `<name>Edge`
 * holding the CloudFront web ACL, attached to the distribution by a cross-region reference
 * (with cdk.json's weak references, `Fn::GetStackOutput`: no custom resource, no export that
 * would pin the web ACL). The main stack depends on the companion, so `cdk deploy --all`
 * deploys it first. An environment-agnostic synth (no region) has no companion: a cross-region
 * reference needs concrete regions. The stack then says so and acknowledges the missing WAF.
 */
export function pantauStacks(app: App, stackName: string, props: PantauStackProps): PantauStacks {
  const region = props.env?.region;
  const edge =
    region !== undefined && !Token.isUnresolved(region)
      ? new PantauEdgeStack(app, `${stackName}Edge`, {
          serves: stackName,
          description: `Pantau (${stackName}): the CloudFront web ACL, in ${EDGE_REGION}`,
          env: { account: props.env?.account, region: EDGE_REGION },
          crossRegionReferences: true,
        })
      : undefined;
  const main = new PantauStack(app, stackName, {
    ...props,
    ...(edge ? { webAclArn: edge.webAclArn, crossRegionReferences: true } : {}),
  });
  return { main, edge };
}
