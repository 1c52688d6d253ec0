/**
 * A function EventBridge invokes with a rule's events on the account's default bus (GuardDuty's
 * scan results, SES's bounces), and what keeps an event that never reached it: a dead-letter
 * queue for the rule's target and for the function, and an alarm on it. Made in the caller's
 * scope (`Handler`, `Rule`, `Undelivered`, `UndeliveredAlarm`): the resources' logical ids are
 * the caller's, as they were when each construct made its own.
 */
import { Duration, Validations } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { anyInPeriodAlarm } from './alarm.ts';
import { PantauFunction, type PantauFunctionProps } from './function.ts';

export interface RuleFunction {
  readonly handler: PantauFunction;
  /**
   * Events that never reached their record: those EventBridge could not hand to Lambda, and
   * those the function kept failing on (or was throttled for) through Lambda's own retries.
   */
  readonly undelivered: sqs.Queue;
  readonly undeliveredAlarm: cloudwatch.Alarm;
}

export function ruleFunction(
  scope: Construct,
  props: {
    readonly function: Omit<PantauFunctionProps, 'deadLetterQueue' | 'timeout'>;
    readonly rule: { readonly description: string; readonly eventPattern: events.EventPattern };
    /** The alarm's description: what an event lost means, and how an operator replays it. */
    readonly lost: string;
  },
): RuleFunction {
  // Its body is the event, as the rule's: replayed by invoking the function with it.
  const undelivered = new sqs.Queue(scope, 'Undelivered', {
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    // The most SQS keeps.
    retentionPeriod: Duration.days(14),
  });
  Validations.of(undelivered).acknowledge({
    id: 'AwsSolutions-SQS3',
    reason: 'This queue is itself the dead-letter queue of its rule’s target and function.',
  });
  const handler = new PantauFunction(scope, 'Handler', {
    ...props.function,
    timeout: Duration.seconds(30),
    // EventBridge invokes asynchronously: once Lambda has queued an event, the rule's
    // dead-letter queue never hears of it, and an event the function keeps failing on (or is
    // throttled for) is dropped after Lambda's own retries.
    deadLetterQueue: undelivered,
  });
  new events.Rule(scope, 'Rule', {
    ...props.rule,
    targets: [
      new targets.LambdaFunction(handler, {
        deadLetterQueue: undelivered,
        retryAttempts: 8,
        maxEventAge: Duration.hours(6),
      }),
    ],
  });
  const undeliveredAlarm = anyInPeriodAlarm(
    scope,
    'UndeliveredAlarm',
    props.lost,
    undelivered.metricApproximateNumberOfMessagesVisible({
      period: Duration.minutes(5),
      statistic: 'Maximum',
    }),
  );
  return { handler, undelivered, undeliveredAlarm };
}
