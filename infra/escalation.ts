import { ArnFormat, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { ladderDefinition } from '@pantau/workflow';
import type { PantauTable } from './data.ts';
import { PantauFunction, entryPoint } from './function.ts';
import type { Notify } from './notify.ts';

export interface EscalationProps {
  readonly table: PantauTable;
  readonly notify: Notify;
  /** Powertools log level of the ladder functions (`LOG_LEVEL`). */
  readonly logLevel: string;
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

/**
 * The escalation ladders: a Standard state machine running `ladderDefinition` from
 * @pantau/workflow (one execution per ladder, a timer over the table), its two task Lambdas
 * (`Tick` and `ContinueAsNew`) and the alarms that say when ladders stop.
 */
export class Escalation extends Construct {
  readonly tick: PantauFunction;
  readonly continuation: PantauFunction;
  readonly stateMachine: sfn.StateMachine;
  /**
   * The state machine's ARN, built from its name rather than referenced: the continue function
   * starts executions of the machine that invokes it, and a reference would make the function
   * and the machine depend on each other (a CloudFormation cycle).
   */
  readonly stateMachineArn: string;
  readonly failedExecutionsAlarm: cloudwatch.Alarm;
  readonly tickErrorsAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: EscalationProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const suffix = '-ladder';
    const stateMachineName = `${stack.stackName.slice(0, 80 - suffix.length)}${suffix}`;
    this.stateMachineArn = stack.formatArn({
      service: 'states',
      resource: 'stateMachine',
      resourceName: stateMachineName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });

    this.tick = new PantauFunction(this, 'Tick', {
      entry: entryPoint('ladder-tick.ts'),
      description:
        'Pantau escalation ladder: the Tick task (re-read, take due steps, send letters)',
      // A tick may take several steps and send their letters one by one.
      timeout: Duration.seconds(30),
      environment: { POWERTOOLS_SERVICE_NAME: 'pantau-ladder', LOG_LEVEL: props.logLevel },
    });
    props.table.grantReadWrite(this.tick);
    props.notify.grantSend(this.tick);

    this.continuation = new PantauFunction(this, 'Continue', {
      entry: entryPoint('ladder-continue.ts'),
      description: 'Pantau escalation ladder: the ContinueAsNew task (starts the next segment)',
      environment: { POWERTOOLS_SERVICE_NAME: 'pantau-ladder', LOG_LEVEL: props.logLevel },
    });
    this.grantStartExecution(this.continuation);

    // Every event (state entered/exited, task failed) but no inputs or outputs: execution data
    // carries case ids and the tick's results, none of it needed to operate, and leaving it out
    // keeps anything about a complainant out of the logs whatever the tasks return later. The
    // /aws/vendedlogs/ prefix keeps Step Functions from growing the account's log resource policy.
    const logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: `/aws/vendedlogs/states/${stateMachineName}`,
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });

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
    // retries. The table still holds the ladder, but nothing wakes it until it is armed again.
    this.failedExecutionsAlarm = new cloudwatch.Alarm(this, 'ExecutionsFailedAlarm', {
      alarmDescription: 'An escalation ladder execution failed: a ladder stopped escalating.',
      metric: this.stateMachine.metricFailed({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    // Earlier warning: a tick error is retried (six attempts over about two minutes) before the
    // execution fails, so errors without failures are passing trouble (DynamoDB throttling).
    // SES failures do not throw: the letter records them and stays in the outbox.
    this.tickErrorsAlarm = new cloudwatch.Alarm(this, 'TickErrorsAlarm', {
      alarmDescription: 'The escalation Tick Lambda threw errors (retried by the ladder).',
      metric: this.tick.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
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
