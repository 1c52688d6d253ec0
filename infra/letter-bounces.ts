/**
 * Letters SES accepted and could not deliver. SES accepts a letter to a wrong address (the Tick
 * and the sweep record it `sent`) and learns of the receiving server's refusal minutes later:
 * the letters' configuration set publishes its bounces and rejects on the account's default
 * event bus, and a rule takes this configuration set's to a function (functions/ses-events.ts)
 * that marks the letter `failed`, as the embedded mailer's refusal at sending does. So central's
 * failed letters, the by-agency flag and the ladder panel show a wrong address on AWS too.
 */
import { SES_EVENT_SOURCE, SES_UNDELIVERED } from '@pantau/workflow/ses-events';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as ses from 'aws-cdk-lib/aws-ses';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { PantauTable } from './data.ts';
import { entryPoint, type PantauFunction, SERVICE } from './function.ts';
import type { Notify } from './notify.ts';
import { ruleFunction } from './rule-function.ts';

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
    ({
      handler: this.handler,
      undelivered: this.undelivered,
      undeliveredAlarm: this.undeliveredAlarm,
    } = ruleFunction(this, {
      function: {
        entry: entryPoint('ses-events.ts'),
        description:
          'Marks a letter failed when SES reports it bounced or rejected after accepting it',
        // The ladder's service: its LettersFailed (alarmed) counts these as it counts the sweep's.
        observed: { service: SERVICE.ladder, logLevel: props.logLevel },
      },
      rule: {
        description: 'Bounces and rejects of the letters’ configuration set',
        eventPattern: {
          source: [SES_EVENT_SOURCE],
          detailType: [SES_UNDELIVERED.bounce, SES_UNDELIVERED.reject],
          // This stack's letters: another stack's configuration set in the account is not ours.
          detail: {
            mail: { tags: { 'ses:configuration-set': [configurationSet.configurationSetName] } },
          },
        },
      },
      lost:
        'SES reported a letter bounced or rejected, and it never reached Pantau (the function kept ' +
        'failing, or was throttled for hours): the letter still reads as sent, on no failed-letters ' +
        'list, and its agency may be escalated for a letter it never got. Find the event in the ' +
        'LetterBounces/Undelivered queue, fix the cause and invoke the function with it, then ' +
        'delete the queue message (infra/README.md, "Bounced letters").',
    }));
    // One letter read and written by its key: no query, no other item.
    props.table.grantItems(this.handler, ['dynamodb:GetItem', 'dynamodb:PutItem']);
  }
}
