/**
 * Letters SES accepted and could not deliver. SES accepts a letter to a wrong address (the Tick
 * and the sweep record it `sent`) and learns of the receiving server's refusal minutes later:
 * the letters' configuration set publishes its bounces and rejects on the account's default
 * event bus, and a rule takes this configuration set's to a function (functions/ses-events.ts)
 * that marks the letter `failed`, as the embedded mailer's refusal at sending does. So central's
 * failed letters, the by-agency flag and the ladder panel show a wrong address on AWS too.
 */
import { SES_EVENT_SOURCE, SES_UNDELIVERED } from '@pantau/workflow/ses-events';
import { Duration, Validations } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { anyInPeriodAlarm } from './alarm.ts';
import type { PantauTable } from './data.ts';
import { entryPoint, PantauFunction, SERVICE } from './function.ts';
import type { Notify } from './notify.ts';

export interface LetterBouncesProps {
  readonly table: PantauTable;
  readonly notify: Notify;
  readonly logLevel: string;
}

export class LetterBounces extends Construct {
  readonly handler: PantauFunction;
  /**
   * SES events that never reached their letter: those EventBridge could not hand to Lambda, and
   * those the function kept failing on (or was throttled for) through Lambda's own retries.
   */
  readonly undelivered: sqs.Queue;
  readonly undeliveredAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: LetterBouncesProps) {
    super(scope, id);
    const { configurationSet } = props.notify;
    // Bounces and rejects only: a complaint is of a letter delivered, a delivery changes nothing
    // recorded (the letter is `sent` since SES accepted it). SES publishes to the default bus
    // only, with no resource policy to add.
    configurationSet.addEventDestination('Undelivered', {
      destination: ses.EventDestination.eventBus(
        events.EventBus.fromEventBusName(this, 'DefaultBus', 'default'),
      ),
      events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.REJECT],
    });
    this.undelivered = new sqs.Queue(this, 'Undelivered', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.undelivered).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter queue of the SES events rule’s target and function.',
    });
    this.handler = new PantauFunction(this, 'Handler', {
      entry: entryPoint('ses-events.ts'),
      description:
        'Marks a letter failed when SES reports it bounced or rejected after accepting it',
      timeout: Duration.seconds(30),
      // The ladder's service: its LettersFailed (alarmed) counts these as it counts the sweep's.
      observed: { service: SERVICE.ladder, logLevel: props.logLevel },
      // EventBridge invokes asynchronously: once Lambda has queued an event, the rule's
      // dead-letter queue never hears of it, and an event the function keeps failing on (or is
      // throttled for) is dropped after Lambda's own retries. Its body is the event, as the rule's.
      deadLetterQueue: this.undelivered,
    });
    // One letter read and written by its key: no query, no other item.
    props.table.grantItems(this.handler, ['dynamodb:GetItem', 'dynamodb:PutItem']);
    new events.Rule(this, 'Rule', {
      description: 'Bounces and rejects of the letters’ configuration set',
      eventPattern: {
        source: [SES_EVENT_SOURCE],
        detailType: [SES_UNDELIVERED.bounce, SES_UNDELIVERED.reject],
        // This stack's letters: another stack's configuration set in the account is not ours.
        detail: {
          mail: { tags: { 'ses:configuration-set': [configurationSet.configurationSetName] } },
        },
      },
      targets: [
        new targets.LambdaFunction(this.handler, {
          deadLetterQueue: this.undelivered,
          retryAttempts: 8,
          maxEventAge: Duration.hours(6),
        }),
      ],
    });
    this.undeliveredAlarm = anyInPeriodAlarm(
      this,
      'UndeliveredAlarm',
      'SES reported a letter bounced or rejected, and it never reached Pantau (the function kept ' +
        'failing, or was throttled for hours): the letter still reads as sent, on no failed-letters ' +
        'list, and its agency may be escalated for a letter it never got. Find the event in the ' +
        'LetterBounces/Undelivered queue, fix the cause and invoke the function with it, then ' +
        'delete the queue message (infra/README.md, "Bounced letters").',
      this.undelivered.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: 'Maximum',
      }),
    );
  }
}
