import { ArnFormat, Duration, Stack, Token, Validations } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { REARM_TASK_TIMEOUT_S, rearmJobDefinition } from '@pantau/workflow';
import type { PantauTable } from './data.ts';
import type { Escalation } from './escalation.ts';
import { anyInPeriodAlarm } from './alarm.ts';
import { stateMachineIdentity } from './state-machine.ts';
import { PantauFunction, SERVICE, entryPoint } from './function.ts';

export interface RearmJobsProps {
  readonly table: PantauTable;
  /** The ladders the jobs re-arm (their state machine). */
  readonly escalation: Escalation;
  /** Powertools log level of the task function (`LOG_LEVEL`). */
  readonly logLevel: string;
}

/**
 * The re-arming jobs of calendar and policy edits: a Standard state machine running
 * `rearmJobDefinition` from @pantau/workflow (list the open worklist into chunks, a
 * Distributed Map of Express child executions over the chunks, finish), and its one task
 * Lambda. The API starts one execution per job (`grantStart`); the seed too, for a holiday year
 * and for the upgrade of the data older releases stored (every case, the same three tasks).
 */
export class RearmJobs extends Construct {
  readonly task: PantauFunction;
  readonly stateMachine: sfn.StateMachine;
  /**
   * Built from the name: the Distributed Map starts child executions of this very machine,
   * and a reference from its role's policy to the machine would be a CloudFormation cycle.
   */
  readonly stateMachineArn: string;
  readonly failedExecutionsAlarm: cloudwatch.Alarm;
  private readonly stateMachineName: string;

  constructor(scope: Construct, id: string, props: RearmJobsProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const { name: stateMachineName, arn, logGroup } = stateMachineIdentity(this, '-rearm');
    this.stateMachineArn = arn;
    this.stateMachineName = stateMachineName;

    this.task = new PantauFunction(this, 'Task', {
      entry: entryPoint('rearm-job.ts'),
      description: 'Pantau re-arming job: list a page into chunks, re-arm a chunk, finish',
      // A chunk is about 100 assignments (a case read, a commit, a StartExecution each, four
      // cases at a time: a few seconds); a listing call reads 50 worklist pages. A chunk runs
      // in an Express child (5 minutes at most): this timeout and the chunk's Retry fit in it
      // together, 4 attempts × 60 s + 28 s of waits = 268 s (REARM_TASK_TIMEOUT_S, workflow
      // rearm-definition.ts). Finish, re-run by its Retry after a timeout, carries on where
      // it stopped (the cases it moved are current).
      timeout: Duration.seconds(REARM_TASK_TIMEOUT_S),
      // Re-arming is the ladders' work: their service, so their dashboard row counts it.
      observed: { service: SERVICE.ladder, logLevel: props.logLevel },
    });
    props.table.grantReadWrite(this.task);
    // The upgrade job (started by the seed on deploy) writes each case's search index.
    props.table.grantSearchKey(this.task);
    props.escalation.grantStartExecution(this.task);

    const role = new iam.Role(this, 'StateMachineRole', {
      description: 'Execution role of the Pantau re-arming jobs',
      assumedBy: new iam.ServicePrincipal('states.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
    });
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: [this.task.functionArn],
      }),
    );
    // What a Distributed Map needs: start its child executions of this machine, and follow
    // and stop them (and its map runs) by their ARNs under this machine's name.
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['states:StartExecution'],
        resources: [this.stateMachineArn],
      }),
    );
    const executions = stack.formatArn({
      service: 'states',
      resource: 'execution',
      resourceName: `${stateMachineName}/*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    const mapRuns = stack.formatArn({
      service: 'states',
      resource: 'mapRun',
      resourceName: `${stateMachineName}/*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['states:DescribeExecution', 'states:StopExecution'],
        resources: [executions],
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['states:DescribeMapRun', 'states:UpdateMapRun'],
        resources: [mapRuns],
      }),
    );

    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineName,
      // Standard: a national job runs for longer than an Express execution's five minutes.
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromString(JSON.stringify(rearmJobDefinition)),
      definitionSubstitutions: { RearmJobFunctionArn: this.task.functionArn },
      role,
      // Events only, never inputs or outputs (ids of cases), as the ladder's.
      logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
      tracingEnabled: true,
    });
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only the statements Step Functions adds for vended log delivery and X-Ray, whose ' +
        'actions support no resource-level permissions.',
    });
    // cdk-nag names a finding by the resource as it resolves: pseudo parameters where the
    // stack is environment-agnostic, the values where it is not.
    const shown = (value: string, pseudo: string) =>
      Token.isUnresolved(value) ? `<AWS::${pseudo}>` : value;
    const prefix = `arn:${shown(stack.partition, 'Partition')}:states:${shown(stack.region, 'Region')}:${shown(stack.account, 'AccountId')}`;
    for (const [kind, what] of [
      ['execution', 'child executions: their names are generated'],
      ['mapRun', 'map runs: their ids are generated'],
    ] as const) {
      Validations.of(role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${prefix}:${kind}:${stateMachineName}/*]`,
        reason:
          `The Distributed Map's ${what} by Step Functions, so only this state machine's ` +
          'name is known: the wildcard covers its own runs and nothing else.',
      });
    }

    // A failed job stopped before re-arming everything (its record says how far it got); a
    // job that completed with items it could not do (bad data) fails its execution too
    // (`JobIncomplete`, the definition's), as before it succeeded and nothing told of it. The
    // admin presses "Lanjutkan" under it (`POST /v1/jobs/{id}/retry`), which starts a new job
    // that supersedes it. Nothing else does, but for the upgrade: a deploy seeds only when the
    // seed code changed (its version is the custom resource's property), and that seed starts
    // the upgrade again; a deploy of the same release starts nothing.
    this.failedExecutionsAlarm = anyInPeriodAlarm(
      this,
      'ExecutionsFailedAlarm',
      'A job on the re-arm state machine failed: a re-arming (some open assignments kept ' +
        'their old deadlines), a member unit moved, or the upgrade of older data (some cases ' +
        'not yet searchable or upgraded). Either a task kept failing through its retries (the ' +
        'job stopped), or the job completed with N it could not do (error JobIncomplete, its ' +
        'cause naming the job and N; bad data on those cases or assignments, logged at ERROR ' +
        'with the job id): GET /v1/jobs/{job id} says how far it got and lists them ' +
        '(the execution is named rearm-{job id}, or rearm-{job id}-{n} for a later run of the ' +
        'same job). Nothing starts it again by itself: carry it on with POST ' +
        '/v1/jobs/{job id}/retry (in the console, "Lanjutkan" under the job). An upgrade is ' +
        'also started again by the next deploy that runs the seed (one that changes the seed ' +
        'code, as a release raising the data version does); a deploy of the same code does not.',
      this.stateMachine.metricFailed({ period: Duration.minutes(5), statistic: 'Sum' }),
    );
  }

  /**
   * Lets `fn` start jobs and tells it on which machine (`REARM_STATE_MACHINE_ARN`), together;
   * and look up a job's executions by name (`rearm-<jobId>`, `rearm-<jobId>-<n>`): a job whose
   * execution closed is started under the next name (`SfnJobRunner`).
   */
  grantStart(fn: lambda.Function): void {
    fn.addEnvironment('REARM_STATE_MACHINE_ARN', this.stateMachineArn);
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['states:StartExecution'],
        resources: [this.stateMachineArn],
      }),
    );
    const stack = Stack.of(this);
    const jobExecutions = stack.formatArn({
      service: 'states',
      resource: 'execution',
      resourceName: `${this.stateMachineName}:rearm-*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['states:DescribeExecution'],
        resources: [jobExecutions],
      }),
    );
    const shown = (value: string, pseudo: string) =>
      Token.isUnresolved(value) ? `<AWS::${pseudo}>` : value;
    const named = `arn:${shown(stack.partition, 'Partition')}:states:${shown(stack.region, 'Region')}:${shown(stack.account, 'AccountId')}:execution:${this.stateMachineName}:rearm-*`;
    Validations.of(fn.role!).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${named}]`,
      reason:
        'DescribeExecution of the jobs’ executions by their names (rearm-<job id>, a ULID made ' +
        'at run time): executions of this one state machine, read only.',
    });
  }
}
