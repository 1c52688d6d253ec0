import { ArnFormat, Duration, Stack, Token, Validations } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { ladderDefinition } from '@pantau/workflow';
import type { PantauTable } from './data.ts';
import { anyInPeriodAlarm, ERRORS_QUERY } from './alarm.ts';
import { stateMachineIdentity } from './state-machine.ts';
// Issue 15: fontCopy puts the letters' font beside the bundles that send letters.
import { filesBeside, fontCopy, PantauFunction, SERVICE, entryPoint } from './function.ts';
import type { Notify } from './notify.ts';

export interface EscalationProps {
  readonly table: PantauTable;
  readonly notify: Notify;
  /** Powertools log level of the ladder functions (`LOG_LEVEL`). */
  readonly logLevel: string;
  /**
   * The console's address (the distribution's): the Tick's letters link to their case there
   * (`CONSOLE_URL`). Only the Tick writes letters; the sweep sends them as written.
   */
  readonly consoleUrl?: string;
}

/** The actions Step Functions needs for vended log delivery and X-Ray; neither has resources. */
export const STATE_MACHINE_SERVICE_ACTIONS = [
  'logs:CreateLogDelivery',
  'logs:GetLogDelivery',
  'logs:UpdateLogDelivery',
  'logs:DeleteLogDelivery',
  'logs:ListLogDeliveries',
  'logs:PutResourcePolicy',
  'logs:DescribeResourcePolicies',
  'logs:DescribeLogGroups',
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
  'xray:GetSamplingRules',
  'xray:GetSamplingTargets',
] as const;

/** How often the sweep runs (`sweep()` itself deems a timer lost 15 minutes after it was due). */
export const SWEEP_RATE = Duration.minutes(15);

/**
 * The escalation ladders: a Standard state machine running `ladderDefinition` from
 * @pantau/workflow (one execution per ladder, a timer over the table), its two task Lambdas
 * (`Tick` and `ContinueAsNew`), the scheduled sweep that re-arms lost timers and sends letters
 * left in the outbox, and the alarms that say when ladders stop.
 */
export class Escalation extends Construct {
  readonly tick: PantauFunction;
  readonly continuation: PantauFunction;
  /** Re-arms ladders whose timer is long past and sends letters left pending (scheduled). */
  readonly sweep: PantauFunction;
  readonly sweepSchedule: events.Rule;
  readonly stateMachine: sfn.StateMachine;
  /** `<stackName>-ladder`, fixed (below): the alarms' e-mails name it for the console. */
  readonly stateMachineName: string;
  /**
   * The state machine's ARN, built from its name rather than referenced: the continue function
   * starts executions of the machine that invokes it, and a reference would make the function
   * and the machine depend on each other (a CloudFormation cycle).
   */
  readonly stateMachineArn: string;
  readonly failedExecutionsAlarm: cloudwatch.Alarm;
  readonly tickErrorsAlarm: cloudwatch.Alarm;
  readonly sweepErrorsAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: EscalationProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const { name: stateMachineName, arn, logGroup } = stateMachineIdentity(this, '-ladder');
    this.stateMachineArn = arn;
    this.stateMachineName = stateMachineName;

    this.tick = new PantauFunction(this, 'Tick', {
      entry: entryPoint('ladder-tick.ts'),
      description:
        'Pantau escalation ladder: the Tick task (re-read, take due steps, send letters)',
      // A tick may take several steps and send their letters one by one.
      timeout: Duration.seconds(30),
      observed: { service: SERVICE.ladder, logLevel: props.logLevel },
      // Issue 15: letters go with their PDF; the renderer reads the font beside the bundle.
      bundling: filesBeside(fontCopy),
    });
    props.table.grantReadWrite(this.tick);
    props.notify.sendsLetters(this.tick);
    if (props.consoleUrl) this.tick.addEnvironment('CONSOLE_URL', props.consoleUrl);

    this.continuation = new PantauFunction(this, 'Continue', {
      entry: entryPoint('ladder-continue.ts'),
      description: 'Pantau escalation ladder: the ContinueAsNew task (starts the next segment)',
      observed: { service: SERVICE.ladder, logLevel: props.logLevel },
    });
    this.grantStartExecution(this.continuation);

    const role = new iam.Role(this, 'StateMachineRole', {
      description: 'Execution role of the Pantau escalation ladder',
      assumedBy: new iam.ServicePrincipal('states.amazonaws.com', {
        conditions: {
          StringEquals: {
            'aws:SourceAccount': stack.account,
            'aws:SourceArn': this.stateMachineArn,
          },
        },
      }),
    });
    // The ARNs reach the definition through substitutions, opaque to CDK, so grant them here:
    // the two functions, unqualified (what a plain Lambda ARN Resource invokes), nothing else.
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: [this.tick.functionArn, this.continuation.functionArn],
      }),
    );

    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineName,
      // Standard: ladders wait for days and each step must happen exactly once.
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromString(JSON.stringify(ladderDefinition)),
      definitionSubstitutions: {
        TickFunctionArn: this.tick.functionArn,
        ContinueFunctionArn: this.continuation.functionArn,
      },
      role,
      // Every event (state entered/exited, task failed) but no inputs or outputs: execution data
      // carries case ids and the tick's results, none of it needed to operate, and leaving it
      // out keeps anything about a complainant out of the logs whatever the tasks return later.
      logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
      tracingEnabled: true,
    });
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only the statements Step Functions adds for vended log delivery (logs:*LogDelivery*, ' +
        'PutResourcePolicy, DescribeResourcePolicies, DescribeLogGroups) and X-Ray ' +
        '(PutTraceSegments, PutTelemetryRecords, GetSampling*): these actions support no ' +
        'resource-level permissions. Every other statement names its resources.',
    });

    // Any failed execution is a ladder that stopped escalating: the tick kept failing after its
    // retries. The table still holds the ladder; the sweep re-arms it 15 to 30 minutes after it
    // was due (a ladder whose data is bad then fails again: fix the data).
    this.failedExecutionsAlarm = anyInPeriodAlarm(
      this,
      'ExecutionsFailedAlarm',
      `An escalation ladder stopped: an execution of the ${stateMachineName} state machine ` +
        'failed (its Tick, or its hand-over to the next segment, kept failing through its ' +
        'retries), so that agency gets no reminder or escalation letters until the sweep ' +
        'restarts the ladder 15 to 30 minutes after it was due. In the Step Functions console ' +
        `open the failed executions of ${stateMachineName} (named <caseId>-<agencyId>-…) and ` +
        `read the Tick log group ${this.tick.logGroup.logGroupName} with Logs Insights ` +
        `\`${ERRORS_QUERY}\`; a ladder failing on its data (a missing policy or calendar) ` +
        'fails again at each restart until the data is fixed (infra/README.md, "The sweep").',
      this.stateMachine.metricFailed({ period: Duration.minutes(5), statistic: 'Sum' }),
    );
    // Earlier warning: a tick error is retried (six attempts over about two minutes) before the
    // execution fails, so errors without failures are passing trouble (DynamoDB throttling).
    // SES failures do not throw: the letter records them and stays in the outbox.
    this.tickErrorsAlarm = anyInPeriodAlarm(
      this,
      'TickErrorsAlarm',
      'The escalation Tick function threw: the state machine retries it (six attempts over ' +
        "about two minutes), and meanwhile that assignment's due reminder and escalation " +
        'letters are not written. Read its log group ' +
        `${this.tick.logGroup.logGroupName} with Logs Insights \`${ERRORS_QUERY}\`: DynamoDB ` +
        'throttling passes by itself; bad data (a missing policy or calendar) does not, fix it ' +
        '(refused sends are not errors: see LettersFailedAlarm).',
      this.tick.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
    );

    // An execution is only a timer; the table is the truth. When the timer is lost (the
    // execution failed after its retries, StartExecution failed after the forward committed,
    // the state machine was replaced) the ladder record still says when it is due, and the
    // sweep re-arms every ladder more than 15 minutes overdue with a new token, so at most
    // 15 to 30 minutes late. It also sends the outbox: the rungs' letters held for letter
    // hours, and letters a crash left pending.
    this.sweep = new PantauFunction(this, 'Sweep', {
      entry: entryPoint('ladder-sweep.ts'),
      description:
        'Pantau escalation ladder: the sweep (re-arms lost timers, sends the outbox and failed e-mail receipts)',
      // Up to 100 ladders (a put and a StartExecution each) and 400 letters sent one by one
      // (the morning's, held overnight for letter hours), within its time reserve.
      timeout: Duration.minutes(2),
      // Issue 15: the outbox's letters go with their PDF.
      bundling: filesBeside(fontCopy),
      // The next run is the retry: Lambda's own async retries (up to two, minutes apart) and a
      // throttled event kept for hours could run two sweeps at once, sending a letter twice.
      retryAttempts: 0,
      maxEventAge: SWEEP_RATE,
      observed: { service: SERVICE.ladder, logLevel: props.logLevel },
    });
    props.table.grantReadWrite(this.sweep);
    this.grantStartExecution(this.sweep);
    // Whether a ladder's execution still runs, by its deterministic name: executions of this
    // state machine only (their names are known only at run time, hence the wildcard).
    const executions = stack.formatArn({
      service: 'states',
      resource: 'execution',
      resourceName: `${stateMachineName}:*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    this.sweep.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['states:DescribeExecution'], resources: [executions] }),
    );
    // cdk-nag names the resource as synthesized: literals where the stack's environment is
    // known, `<AWS::…>` for the pseudo parameters where it is not.
    const known = (value: string, pseudo: string) =>
      Token.isUnresolved(value) ? `<AWS::${pseudo}>` : value;
    const arnAsNamed = [
      'arn',
      known(stack.partition, 'Partition'),
      'states',
      known(stack.region, 'Region'),
      known(stack.account, 'AccountId'),
      `execution:${stateMachineName}:*`,
    ].join(':');
    Validations.of(this.sweep.role!).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${arnAsNamed}]`,
      reason:
        'The sweep asks DescribeExecution of ladder executions by their deterministic names, ' +
        'known only at run time: executions of this one state machine, read only.',
    });
    props.notify.sendsLetters(this.sweep);
    this.sweepSchedule = new events.Rule(this, 'SweepSchedule', {
      description: 'Runs the Pantau ladder sweep',
      schedule: events.Schedule.rate(SWEEP_RATE),
      targets: [new targets.LambdaFunction(this.sweep)],
    });
    // A sweep that throws (DynamoDB or Step Functions trouble) leaves the rest of its batch for
    // the next run; one period per run, so a failed run holds the alarm up until the next one.
    // SES failures do not throw: they are recorded on the letter, as in the tick.
    this.sweepErrorsAlarm = anyInPeriodAlarm(
      this,
      'SweepErrorsAlarm',
      'A run of the escalation sweep failed: ladders that lost their timer are not restarted ' +
        'and letters waiting in the outbox (held for letter hours, or due a retry) are not ' +
        'sent until a run succeeds (it runs every 15 minutes). Read its log group ' +
        `${this.sweep.logGroup.logGroupName} with Logs Insights \`${ERRORS_QUERY}\` ` +
        '(DynamoDB or Step Functions trouble, or a timeout); the next run retries by itself, so ' +
        'act if the alarm does not clear (infra/README.md, "The sweep").',
      this.sweep.metricErrors({ period: SWEEP_RATE, statistic: 'Sum' }),
    );
  }

  /**
   * Lets `fn` start ladders (`states:StartExecution` on this state machine only) and tells it
   * which (`STATE_MACHINE_ARN`): the permission and the variable always go together.
   */
  grantStartExecution(fn: lambda.Function): void {
    fn.addEnvironment('STATE_MACHINE_ARN', this.stateMachineArn);
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['states:StartExecution'],
        resources: [this.stateMachineArn],
      }),
    );
  }
}
