import { ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

/** A state machine's name, its ARN and its log group, made before the machine itself. */
export interface StateMachineIdentity {
  /** The stack's name with `suffix`, within Step Functions' 80 characters. */
  readonly name: string;
  /**
   * Built from the name rather than referenced: the machine's own tasks (the ladder's continue
   * function, the re-arming job's Distributed Map) start executions of it, and a reference would
   * be a CloudFormation cycle.
   */
  readonly arn: string;
  /**
   * One month of its events, under /aws/vendedlogs/ so Step Functions does not grow the
   * account's log resource policy; the construct id is `Logs` in `scope`.
   */
  readonly logGroup: logs.LogGroup;
}

export function stateMachineIdentity(scope: Construct, suffix: string): StateMachineIdentity {
  const stack = Stack.of(scope);
  const name = `${stack.stackName.slice(0, 80 - suffix.length)}${suffix}`;
  const arn = stack.formatArn({
    service: 'states',
    resource: 'stateMachine',
    resourceName: name,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
  const logGroup = new logs.LogGroup(scope, 'Logs', {
    logGroupName: `/aws/vendedlogs/states/${name}`,
    retention: logs.RetentionDays.ONE_MONTH,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  return { name, arn, logGroup };
}
