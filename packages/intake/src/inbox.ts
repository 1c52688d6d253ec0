/**
 * SES's inbox bucket on AWS: each message its receipt rule stores raises an S3 event, read here
 * (zod) into the object key and the time S3 stored the object, which is when the message was
 * received (the case is dated from it, however late the function gets to it). It vouches for
 * no sender (no `trustFrom`): SES's own `Authentication-Results` alone says whether one is
 * authenticated, which a staff forward and a complainant's follow-up need. The Lambda
 * (functions/mail-intake.ts) reads the object and reports what happened.
 */
import { DomainError, type MailOutcome } from '@pantau/core';
import { z } from 'zod';
import { intakeMail, type MailReceiver } from './mail.ts';

/** What the intake reads of an S3 `ObjectCreated` event; anything else of it is ignored. */
const InboxEvent = z.object({
  Records: z.array(
    z.object({
      eventTime: z.iso.datetime({ offset: true }),
      s3: z.object({ object: z.object({ key: z.string().min(1) }) }),
    }),
  ),
});

export interface InboxDeps {
  readonly service: MailReceiver;
  /** The raw message stored under `key`. */
  read(key: string): Promise<Buffer>;
  received(outcome: MailOutcome, key: string): void;
  /**
   * A message that can never be a case (no sender, SES's scan failed it, an auto-reply or a
   * bounce): never retried, so this is the only trace of it (SES answered the sender 250).
   */
  refused(key: string, reason: string): void;
}

/**
 * Registers each message the event names. A refused message is reported and the next one
 * read; any other failure throws, so S3 retries the event (and its dead-letter queue keeps it).
 */
export async function intakeInbox(event: unknown, deps: InboxDeps): Promise<void> {
  for (const record of InboxEvent.parse(event).Records) {
    // S3 URL-encodes the key in its events, a space as `+`.
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    const raw = await deps.read(key);
    const receivedAt = new Date(record.eventTime).toISOString();
    try {
      deps.received(await intakeMail(deps.service, raw, { receivedAt }), key);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'validation_failed') throw error;
      deps.refused(key, error.message);
    }
  }
}
