import { Annotations, ArnFormat, Duration, Stack, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sns from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { METRIC, RUNG_DIMENSION } from '@pantau/workflow';
import type { Api } from './api.ts';
import { ERRORS_QUERY } from './alarm.ts';
import { type Escalation, SWEEP_RATE } from './escalation.ts';
import { METRICS_NAMESPACE, PantauFunction, SERVICE, type ServiceName } from './function.ts';

/**
 * The functions of the stack with Powertools (`PantauFunction`'s `observed`), each with a label
 * (its construct path below the stack: `ApiHandler`, `EscalationSweep`, `RearmJobsTask`).
 */
export const observedFunctions = (scope: Construct): { name: string; fn: PantauFunction }[] => {
  const stack = Stack.of(scope);
  return stack.node
    .findAll()
    .filter((c): c is PantauFunction => c instanceof PantauFunction && c.service !== undefined)
    .filter((fn) => Stack.of(fn) === stack)
    .map((fn) => ({
      name: fn.node.scopes
        .slice(fn.node.scopes.indexOf(stack) + 1)
        .map((c) => c.node.id)
        .join(''),
      fn,
    }));
};

export interface ObservabilityProps {
  readonly api: Api;
  readonly escalation: Escalation;
  /** Alarms other constructs own (the re-arming jobs'): to the same topic, on the dashboard. */
  readonly alarms?: readonly cloudwatch.Alarm[];
  /** Who gets the alarms by e-mail (context `alarmEmail`); none: the topic has no subscriber. */
  readonly alarmEmail?: string;
  /**
   * The mail intake is deployed: complainants get receipts, and one the sweep cannot send for
   * a day is alarmed (`OldestPendingReceipt`).
   */
  readonly mailReceipts?: boolean;
}

/** The API alarms' thresholds: a share of 5xx answers, and the slowest 1 % of requests. */
export const API_5XX_PERCENT = 5;
export const API_P99_MS = 3_000;
/**
 * The oldest letter still in the outbox, counted from when it became due (a letter held for
 * letter hours from their start). Healthy, none is older than the sweep's period and its grace
 * (20 minutes); an hour means SES has been refusing letters for several retries, or more than
 * a morning's 1,600 letters came due at 08:00.
 */
export const OUTBOX_AGE_SECONDS = 3600;
/**
 * The oldest e-mail receipt still pending (core `RECEIPT_OVERDUE_MS`): the sweep retries a
 * failed send every 15 minutes, so a day of failures is no passing SES outage.
 */
export const RECEIPT_AGE_SECONDS = 24 * 3600;
/** SES reviews an account past 5 % bounces or 0.1 % complaints; alarm well before either. */
export const SES_BOUNCE_RATE = 0.02;
export const SES_COMPLAINT_RATE = 0.0005;

const FIVE_MINUTES = Duration.minutes(5);

/**
 * What a throttled function means for the unit's work, by its label (`observedFunctions`), for
 * its throttles alarm's e-mail; a function added later without one gets a plainer text.
 */
const THROTTLED: Record<string, string> = {
  ApiHandler: 'requests from the console (officers, agencies) and from citizens are refused',
  EscalationTick:
    'ladder steps wait (the state machine retries the Tick; a ladder whose retries run out ' +
    'stops: Escalation/ExecutionsFailedAlarm)',
  EscalationContinue:
    'long ladders wait to hand over to their next segment (retried by the state machine)',
  EscalationSweep:
    'a sweep run waits, and is dropped after 15 minutes: lost ladders and the outbox wait for ' +
    'the next run (SweepStoppedAlarm if runs keep missing)',
  RearmJobsTask:
    're-arming and upgrade jobs slow down (their chunks are retried; a job whose retries run ' +
    'out fails: RearmJobs/ExecutionsFailedAlarm)',
  ScanResultsHandler:
    'malware verdicts on attachments wait (retried for up to 6 hours, then the ' +
    'ScanResults/Undelivered queue)',
  LetterBouncesHandler:
    'letters SES reported bounced stay recorded as sent a while longer (retried for up to 6 ' +
    'hours, then the LetterBounces/Undelivered queue)',
  MailIntakeHandler:
    'complaints sent by e-mail wait to become cases (retried for up to 6 hours, then the ' +
    'MailIntake/Undelivered queue); its reserved runs (5 by default) mean a burst of mail ' +
    'alone can throttle it',
};

/**
 * Operating Pantau on AWS: one dashboard of the API, the functions, the ladders, the letters and
 * the business figures, and the alarms, all sent to one SNS topic with an e-mail subscription.
 * The business metrics are the functions' Powertools EMF lines (namespace `Pantau`, dimension
 * `service`), the oldest undelivered letter's age among them (the sweep publishes it).
 */
export class Observability extends Construct {
  readonly topic: sns.Topic;
  readonly dashboard: cloudwatch.Dashboard;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    const { api, escalation } = props;

    this.topic = new sns.Topic(this, 'Alarms', {
      displayName: 'Pantau alarms',
      enforceSSL: true,
    });
    // enforceSSL makes a topic policy (its Deny), and a topic policy replaces SNS's default one,
    // which let the account publish: without this Allow CloudWatch may not publish, and every
    // alarm action fails ("no resource-based policy allows the SNS:Publish action"). Only this
    // account's alarms: CloudWatch publishes as itself, for every account.
    const stack = Stack.of(this);
    this.topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: {
            'aws:SourceArn': stack.formatArn({
              service: 'cloudwatch',
              resource: 'alarm',
              resourceName: '*',
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
        },
      }),
    );
    Validations.of(this.topic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        'Alarm notifications name an alarm, a metric and a threshold, nothing about a case or a ' +
        'complainant; CloudWatch cannot publish to a topic under the AWS managed SNS key, and ' +
        'a customer managed key would cost more than the alarms it would protect.',
    });
    if (props.alarmEmail) {
      this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    } else {
      Annotations.of(this).addWarningV2(
        'pantau:alarm-email',
        'No alarmEmail: the alarms go to an SNS topic nobody is subscribed to. Deploy with ' +
          '-c alarmEmail=ops@example.go.id (the address confirms the subscription by e-mail).',
      );
    }

    const business = (name: string, service: ServiceName, statistic = 'Sum') =>
      new cloudwatch.Metric({
        namespace: METRICS_NAMESPACE,
        metricName: name,
        dimensionsMap: { service },
        statistic,
        period: FIVE_MINUTES,
      });

    // ---- the API ------------------------------------------------------------------------
    const requests = api.httpApi.metricCount({ period: FIVE_MINUTES, statistic: 'Sum' });
    const serverErrors = api.httpApi.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' });
    const errorRate = new cloudwatch.MathExpression({
      expression: 'IF(requests > 0, 100 * errors / requests, 0)',
      usingMetrics: { requests, errors: serverErrors },
      label: 'API 5xx (% of requests)',
      period: FIVE_MINUTES,
    });
    const latency = api.httpApi.metricLatency({ period: FIVE_MINUTES, statistic: 'p99' });
    const apiLogs = api.handler.logGroup.logGroupName;
    this.alarm('Api5xxRate', {
      alarmDescription:
        `More than ${API_5XX_PERCENT} % of API answers were 5xx for 10 minutes: officers and ` +
        'agencies get errors in the console, and complaints may not be registered or ' +
        `forwarded. Read the API's log group ${apiLogs} with Logs Insights ` +
        `\`${ERRORS_QUERY}\` (each "unexpected error" line names its route and ` +
        "correlation_id: a bug); none there: check the dashboard's Lambda errors and throttles " +
        '(a crashed, timed-out or throttled function is a 5xx too) and roll back a bad deploy ' +
        '(infra/README.md, "Restore, roll back, upgrade").',
      metric: errorRate,
      threshold: API_5XX_PERCENT,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 2,
      datapointsToAlarm: 2,
    });
    this.alarm('ApiLatencyP99', {
      alarmDescription:
        `The slowest 1 % of API requests took over ${API_P99_MS} ms for 15 minutes: the ` +
        'console is slow for officers and agencies, and requests near the 29 s limit fail. ' +
        'X-Ray traces of the API function show which call is slow (DynamoDB throttling, cold ' +
        `starts); its log group ${apiLogs} with Logs Insights \`filter @type = "REPORT"\` ` +
        "gives each request's duration and init time.",
      metric: latency,
      threshold: API_P99_MS,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 3,
      datapointsToAlarm: 3,
    });

    // ---- the functions ------------------------------------------------------------------
    // Every function with Powertools in the stack, found rather than listed, so a function added
    // later cannot be left without its throttle alarm (the synth refuses one made after this).
    const functions = observedFunctions(this);
    // Tick's and the sweep's errors alarm in escalation.ts already (with their own periods), the
    // re-arming task's failures as its job's (rearm-jobs.ts), the mail intake's in mail-intake.ts.
    // The Hono app answers its own errors (a 500, Api5xxRate): the API function counts an error
    // only when it crashed, timed out or failed to start.
    this.alarm('ApiErrors', {
      alarmDescription:
        'The API function itself failed (crashed, timed out, ran out of memory or failed to ' +
        'start, e.g. reading its secrets): those requests got a 5xx, and officers, agencies ' +
        `and citizens could not work. Read its log group ${apiLogs} with Logs Insights ` +
        `\`${ERRORS_QUERY}\`; failing since a deploy: roll it back (infra/README.md, "Roll ` +
        'back a deploy").',
      metric: api.handler.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }),
      threshold: 1,
    });
    this.alarm('ContinueErrors', {
      alarmDescription:
        'The ladder function that hands a long ladder over to its next segment (ContinueAsNew) ' +
        'threw: the state machine retries it, and if it keeps failing the execution fails ' +
        '(Escalation/ExecutionsFailedAlarm) and the sweep restarts the ladder. Read its log ' +
        `group ${escalation.continuation.logGroup.logGroupName} with Logs Insights ` +
        `\`${ERRORS_QUERY}\`: it starts executions of ${escalation.stateMachineName}, so ` +
        'fix an access or quota error shown there (infra/README.md, "Escalation ladders").',
      metric: escalation.continuation.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }),
      threshold: 1,
    });
    // A throttled API request is a 429; a throttled asynchronous event (the sweep's schedule,
    // the mail intake's S3 events) waits and may be dropped; a throttled task is retried by its
    // state machine until it is not.
    for (const { name, fn } of functions) {
      this.alarm(`${name}Throttles`, {
        alarmDescription:
          `The ${name} function was throttled: ` +
          `${THROTTLED[name] ?? 'its work waits or is refused'}. Check the dashboard's ` +
          '"Lambda throttles" graph and `aws lambda get-account-settings` (the account\'s ' +
          'concurrency); if the account is at its limit, request a higher "Concurrent ' +
          'executions" quota in Service Quotas.',
        metric: fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' }),
        threshold: 1,
      });
    }
    this.node.addValidation({
      validate: () =>
        observedFunctions(this)
          .filter(({ fn }) => !functions.some((f) => f.fn === fn))
          .map(
            ({ fn }) =>
              `${fn.node.path} was made after Observability: it has no throttle alarm ` +
              '(create Observability last, infra/pantau-stack.ts)',
          ),
    });

    // ---- the ladders and their letters --------------------------------------------------
    const machine = escalation.stateMachine;
    // The ladder definition sets no TimeoutSeconds (a ladder may wait for months, and continues
    // as new after 400 passes, not after a time), so only Step Functions' one-year limit on a
    // Standard execution times one out: rare, but then that ladder stopped until the sweep
    // restarts it. A placeholder-cheap alarm ($0.10 a month) for a rare, real stop.
    this.alarm('ExecutionsTimedOut', {
      alarmDescription:
        `An execution of the ${escalation.stateMachineName} state machine reached Step ` +
        "Functions' one-year limit (the ladder sets no timeout of its own): that agency gets no " +
        'reminder or escalation letters until the sweep restarts its ladder, 15 to 30 minutes ' +
        `later. Check in the Step Functions console (timed-out executions of ` +
        `${escalation.stateMachineName}) that it was restarted under a new name; if not, see ` +
        'infra/README.md, "The sweep".',
      metric: machine.metricTimedOut({ period: FIVE_MINUTES, statistic: 'Sum' }),
      threshold: 1,
    });
    const outboxAge = business(METRIC.oldestUndeliveredAge, SERVICE.ladder, 'Maximum');
    this.alarm('OldestUndeliveredLetter', {
      alarmDescription:
        `A letter has waited in the outbox for over ${OUTBOX_AGE_SECONDS / 60} minutes: ` +
        'agencies are not getting reminder and escalation letters on time. Either SES keeps ' +
        'refusing it (Logs Insights `filter @message like /letter delivery refused/` on the ' +
        `sweep's log group ${escalation.sweep.logGroup.logGroupName}, or the Tick's for a ` +
        "letter's first try: an unverified sender or the SES sandbox, infra/README.md " +
        '"Sending letters with SES"), or the sweep falls behind (one that stopped running: ' +
        'SweepStoppedAlarm).',
      metric: outboxAge.with({ period: SWEEP_RATE }),
      threshold: OUTBOX_AGE_SECONDS,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    });
    // Only the sweep publishes the outbox's age, so a sweep that stopped (its schedule disabled
    // or deleted, every run throttled) leaves that alarm without data, not breaching: this one
    // counts the sweep's invocations instead, missing data breaching. Over two of its periods,
    // so a single run that is late or dropped does not alarm; two missed in a row do. (The
    // age alarm keeps missing data not breaching: its figure comes once a period, stamped when
    // a run ends, and a run ending just past a period's edge would leave a period empty.)
    // A sweep that runs and throws is `Escalation/SweepErrorsAlarm`'s.
    this.alarm('SweepStopped', {
      alarmDescription:
        `The escalation sweep did not run for ${(2 * SWEEP_RATE.toMinutes()).toString()} ` +
        'minutes (it runs every 15): lost ladders are not restarted and agencies get no letters ' +
        'from the outbox. Check that its EventBridge rule (Escalation/SweepSchedule) is ' +
        'enabled and the dashboard\'s "Lambda throttles" graph; on a new stack this fires ' +
        'once until the first run (infra/README.md, "Operating: dashboard and alarms").',
      metric: escalation.sweep.metricInvocations({
        period: Duration.minutes(2 * SWEEP_RATE.toMinutes()),
        statistic: 'Sum',
      }),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.BREACHING,
    });
    if (props.mailReceipts) {
      const receiptAge = business(METRIC.oldestPendingReceiptAge, SERVICE.ladder, 'Maximum');
      this.alarm('OldestPendingReceipt', {
        alarmDescription:
          'An e-mail complainant has waited over a day for their receipt (agenda number and ' +
          'tracking code): SES keeps refusing it and the sweep retries every 15 minutes. Read ' +
          `the sweep's log group ${escalation.sweep.logGroup.logGroupName} with Logs Insights ` +
          '`filter @message like /receipt/` (the count and age, never the address), and the ' +
          "SES account (sandbox, sending paused, the letters' address unverified: infra/README.md " +
          '"Sending letters with SES"); the mail intake\'s log line `e-mail received; its ' +
          'receipt not sent` names the case.',
        metric: receiptAge.with({ period: SWEEP_RATE }),
        threshold: RECEIPT_AGE_SECONDS,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      });
    }
    const lettersFailed = business(METRIC.lettersFailed, SERVICE.ladder);
    this.alarm('LettersFailed', {
      alarmDescription:
        'A letter was given up (refused five times, addressed to no one, or bounced after SES ' +
        'accepted it: a wrong address, reported minutes after the send): the agency did ' +
        'not get it. It is on central’s desk, "Surat gagal terkirim" in the console ' +
        '(GET /v1/notifications/failed); have an admin correct the agency’s ' +
        'contacts, then central presses "Kirim ulang" (or "Tandai sudah ditangani" if it was ' +
        'delivered another way).',
      metric: lettersFailed.with({ period: SWEEP_RATE }),
      threshold: 1,
    });

    // ---- SES reputation (account-wide, what SES itself judges the account by) -----------
    const reputation = (metricName: string) =>
      new cloudwatch.Metric({
        namespace: 'AWS/SES',
        metricName,
        statistic: 'Maximum',
        period: Duration.hours(1),
      });
    const bounceRate = reputation('Reputation.BounceRate');
    const complaintRate = reputation('Reputation.ComplaintRate');
    this.alarm('SesBounceRate', {
      alarmDescription:
        `The account's SES bounce rate is over ${SES_BOUNCE_RATE * 100} % (SES reviews the ` +
        'account at 5 % and can pause its sending): letters go to addresses that do not exist, ' +
        'mostly agency contacts. The dashboard\'s "SES bounces and complaints by agency" ' +
        'graph names the agency: have an admin correct its contacts in the console.',
      metric: bounceRate,
      threshold: SES_BOUNCE_RATE,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    });
    this.alarm('SesComplaintRate', {
      alarmDescription:
        `The account's SES complaint rate is over ${SES_COMPLAINT_RATE * 100} % (SES reviews ` +
        'the account at 0.1 % and can pause its sending, every letter with it): ' +
        'recipients mark Pantau letters as spam. The dashboard\'s "SES bounces and complaints ' +
        'by agency" graph names the agency: ask it to stop reporting them and check its ' +
        'contacts are the right people.',
      metric: complaintRate,
      threshold: SES_COMPLAINT_RATE,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    });
    // The escalation's own alarms, and the others given, go to the same topic.
    const owned = [
      escalation.failedExecutionsAlarm,
      escalation.tickErrorsAlarm,
      escalation.sweepErrorsAlarm,
      ...(props.alarms ?? []),
    ];
    for (const alarm of owned) {
      alarm.addAlarmAction(new SnsAction(this.topic));
      alarm.addOkAction(new SnsAction(this.topic));
    }

    // ---- the dashboard ------------------------------------------------------------------
    const graph = (title: string, left: cloudwatch.IMetric[], width = 8) =>
      new cloudwatch.GraphWidget({ title, left, width, height: 6 });
    const perFunction = (metric: 'Errors' | 'Throttles') =>
      functions.map(({ name, fn }) =>
        fn.metric(metric, { period: FIVE_MINUTES, statistic: 'Sum', label: name }),
      );
    // Letters by rung: one line per `rung` the ladder uses, found by a search expression.
    const lettersByRung = new cloudwatch.MathExpression({
      expression: `SEARCH('{${METRICS_NAMESPACE},${RUNG_DIMENSION},service} MetricName="${METRIC.lettersWritten}"', 'Sum', 3600)`,
      label: '',
      period: Duration.hours(1),
    });
    const sesByAgency = (event: string) =>
      new cloudwatch.MathExpression({
        expression: `SEARCH('{AWS/SES,agency} MetricName="${event}"', 'Sum', 3600)`,
        label: '',
        period: Duration.hours(1),
      });
    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      defaultInterval: Duration.days(7),
      widgets: [
        [
          graph('API requests and 5xx', [requests, serverErrors]),
          graph('API 5xx (%)', [errorRate]),
          graph('API latency p99 (ms)', [latency]),
        ],
        [
          graph('Lambda errors', perFunction('Errors')),
          graph('Lambda throttles', perFunction('Throttles')),
          graph('Ladder executions', [
            machine.metricStarted({ period: FIVE_MINUTES, statistic: 'Sum' }),
            machine.metricSucceeded({ period: FIVE_MINUTES, statistic: 'Sum' }),
            machine.metricFailed({ period: FIVE_MINUTES, statistic: 'Sum' }),
            machine.metricTimedOut({ period: FIVE_MINUTES, statistic: 'Sum' }),
          ]),
        ],
        [
          graph('Cases registered, assignments forwarded', [
            business(METRIC.casesRegistered, SERVICE.api).with({ period: Duration.hours(1) }),
            business(METRIC.assignmentsForwarded, SERVICE.api).with({ period: Duration.hours(1) }),
          ]),
          graph('Letters written per rung', [lettersByRung]),
          graph('Ladders failed and restarted (sweep)', [
            business(METRIC.laddersFailed, SERVICE.ladder).with({ period: SWEEP_RATE }),
            business(METRIC.laddersRestarted, SERVICE.ladder).with({ period: SWEEP_RATE }),
          ]),
        ],
        [
          graph('Oldest undelivered letter, oldest pending e-mail receipt (s)', [
            outboxAge.with({ period: SWEEP_RATE }),
            business(METRIC.oldestPendingReceiptAge, SERVICE.ladder, 'Maximum').with({
              period: SWEEP_RATE,
            }),
          ]),
          graph('Deliveries refused, letters failed', [
            business(METRIC.deliveriesFailed, SERVICE.ladder),
            lettersFailed,
          ]),
          graph('SES bounces and complaints by agency', [
            sesByAgency('Bounce'),
            sesByAgency('Complaint'),
          ]),
        ],
        [
          new cloudwatch.GraphWidget({
            title: 'SES reputation (account)',
            left: [bounceRate, complaintRate],
            width: 24,
            height: 6,
          }),
        ],
        [
          new cloudwatch.AlarmStatusWidget({
            title: 'Alarms',
            alarms: [...this.alarms, ...owned],
            width: 24,
          }),
        ],
      ],
    });
  }

  /** An alarm (breaching at ≥ threshold unless told), to the topic on alarm and on recovery. */
  private alarm(
    id: string,
    props: Omit<cloudwatch.AlarmProps, 'evaluationPeriods'> & { evaluationPeriods?: number },
  ): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(this, `${id}Alarm`, {
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      ...props,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    alarm.addOkAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
    return alarm;
  }
}
