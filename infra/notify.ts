import { Annotations, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ses from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import { PLACEHOLDER_MAIL_FROM } from './context.ts';

export interface NotifyProps {
  /**
   * The From address of the ladder's letters. It, or its domain, must be a verified SES identity
   * in the stack's account and region (see infra/README.md); the stack does not create the
   * identity, because a domain identity is verified in DNS, outside this stack.
   */
  readonly mailFrom: string;
  /**
   * The letters' `Reply-To` (`-c lettersReplyTo`): the mailbox the unit reads, where an agency
   * that answers a letter by e-mail reaches it (`mailFrom` may receive nothing). None: none.
   */
  readonly lettersReplyTo?: string;
}

/**
 * How letters leave: an SES configuration set (reputation metrics, the account's suppression
 * list for bounces and complaints, per-agency delivery metrics) and the permission to send as
 * `mailFrom` and nothing else.
 */
export class Notify extends Construct {
  readonly mailFrom: string;
  readonly lettersReplyTo: string | undefined;
  readonly configurationSet: ses.ConfigurationSet;
  /** The SES identities `mailFrom` may send through: the address itself and its domain. */
  readonly sesIdentityArns: readonly string[];

  constructor(scope: Construct, id: string, props: NotifyProps) {
    super(scope, id);
    const domain = /^[^@\s]+@([^@\s]+\.[^@\s]+)$/.exec(props.mailFrom)?.[1];
    if (!domain) throw new Error(`mailFrom must be an email address; got ${props.mailFrom}`);
    this.mailFrom = props.mailFrom;
    this.lettersReplyTo = props.lettersReplyTo;
    if (domain === PLACEHOLDER_MAIL_FROM.split('@')[1])
      Annotations.of(this).addWarningV2(
        'pantau:mail-from',
        `Letters would be sent from ${props.mailFrom}, which no SES account can verify: every ` +
          'letter would fail. Deploy with -c mailFrom=pantau@<your domain>, a verified SES ' +
          'identity (infra/README.md, "Sending letters with SES").',
      );

    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      sendingEnabled: true,
      // An address that bounced or complained is not mailed again until someone removes it
      // from the suppression list: the failed letter stays in the outbox as `failed` to see.
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    // Sends, deliveries, bounces and complaints as CloudWatch metrics per agency (the `agency`
    // message tag SesMailer sets), so an agency whose mail bounces shows up before it claims it
    // never got the letters.
    this.configurationSet.addEventDestination('Metrics', {
      destination: ses.EventDestination.cloudWatchDimensions([
        { name: 'agency', source: ses.CloudWatchDimensionSource.MESSAGE_TAG, defaultValue: 'none' },
      ]),
      events: [
        ses.EmailSendingEvent.SEND,
        ses.EmailSendingEvent.DELIVERY,
        ses.EmailSendingEvent.BOUNCE,
        ses.EmailSendingEvent.COMPLAINT,
        ses.EmailSendingEvent.REJECT,
      ],
    });

    const stack = Stack.of(this);
    // SES authorizes a send against the identity it uses: the address if it is verified on its
    // own, else its domain. Both are named; the From condition below keeps the domain from
    // lending any other address.
    this.sesIdentityArns = [props.mailFrom, domain].map((identity) =>
      stack.formatArn({ service: 'ses', resource: 'identity', resourceName: identity }),
    );
  }

  /**
   * `grantSend`, for a function that sends the ladder's letters (the Tick, the sweep): it is
   * told their `Reply-To` too (`LETTERS_REPLY_TO`), when one is named.
   */
  sendsLetters(fn: lambda.Function): void {
    this.grantSend(fn);
    if (this.lettersReplyTo) fn.addEnvironment('LETTERS_REPLY_TO', this.lettersReplyTo);
  }

  /**
   * Lets `fn` send email as `mailFrom` through the configuration set, and tells it the address
   * and the set (`MAIL_FROM`, `SES_CONFIGURATION_SET`): permission and variables go together.
   */
  grantSend(fn: lambda.Function): void {
    const { configurationSetName } = this.configurationSet;
    fn.addEnvironment('MAIL_FROM', this.mailFrom);
    fn.addEnvironment('SES_CONFIGURATION_SET', configurationSetName);
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        // SESv2 SendEmail is authorized as ses:SendEmail on the identity and the configuration set.
        actions: ['ses:SendEmail'],
        resources: [
          ...this.sesIdentityArns,
          Stack.of(this).formatArn({
            service: 'ses',
            resource: 'configuration-set',
            resourceName: configurationSetName,
          }),
        ],
        conditions: { StringEquals: { 'ses:FromAddress': this.mailFrom } },
      }),
    );
  }
}
