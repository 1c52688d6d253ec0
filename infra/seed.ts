import { CustomResource, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import type { PantauTable } from './data.ts';
import { PantauFunction, entryPoint } from './function.ts';
import type { RearmJobs } from './rearm-jobs.ts';

export interface SeedProps {
  readonly table: PantauTable;
  /**
   * Where a year of holidays the seed adds re-arms the deadlines that ran into it, and where
   * the upgrade of older data runs.
   */
  readonly rearmJobs: RearmJobs;
}

/**
 * Writes the baseline records (agencies, calendars, policies) into the table on every deploy
 * that changes the seed code, and starts the re-arming job of a holiday year it added, as the
 * API does for an admin's calendar edit, and the upgrade job when the table's data is older
 * than the release (core `UPGRADE_VERSION`, bundled into the seed: raising it changes the seed
 * code, so the deploy that brings it seeds). Deleting the stack deletes nothing: the table is
 * retained.
 */
export class Seed extends Construct {
  readonly handler: PantauFunction;

  constructor(scope: Construct, id: string, props: SeedProps) {
    super(scope, id);
    this.handler = new PantauFunction(this, 'Handler', {
      entry: entryPoint('seed.ts'),
      description: 'Pantau: seeds the baseline records on deploy',
      timeout: Duration.minutes(5),
      // Only the current version is ever invoked; older ones need not pile up.
      currentVersionOptions: { removalPolicy: RemovalPolicy.DESTROY },
    });
    props.table.grantReadWrite(this.handler);
    props.rearmJobs.grantStart(this.handler);

    // The provider framework's Lambda, with the same house rules as ours: its own log group
    // with retention and a role limited to it, instead of AWSLambdaBasicExecutionRole.
    const frameworkLogs = new logs.LogGroup(this, 'ProviderLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const frameworkRole = new iam.Role(this, 'ProviderRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Custom resource provider framework of the Pantau seed',
    });
    frameworkRole.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [frameworkLogs.logGroupArn],
      }),
    );
    const provider = new cr.Provider(this, 'Provider', {
      // A published version rather than the function: the framework may then invoke exactly
      // this version (no `<function>:*` wildcard in its policy), and a code change publishes a
      // new version, whose number below turns the deploy into an Update that seeds again.
      onEventHandler: this.handler.currentVersion,
      logGroup: frameworkLogs,
      frameworkOnEventRole: frameworkRole,
    });
    const resource = new CustomResource(this, 'Resource', {
      serviceToken: provider.serviceToken,
      resourceType: 'Custom::PantauSeed',
      properties: { SeedVersion: this.handler.currentVersion.version },
    });
    // The seed may start a job: the machine must exist first (the grant names it by its ARN,
    // built from its name, which makes no dependency of its own).
    resource.node.addDependency(props.rearmJobs.stateMachine);
  }
}
