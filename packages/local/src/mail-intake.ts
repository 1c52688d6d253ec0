/**
 * The embedded e-mail channel: the SMTP listener (loopback only) feeding the same parser as
 * SES's Lambda on AWS. The message is kept as the case's central-only `.eml` attachment (in
 * the blob store, with the case), so no other copy of it is written here: a message that
 * could not become a case is refused, and the sender's server keeps it and reports it.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import { DomainError, type Service } from '@pantau/core';
import { intakeMail } from '@pantau/intake/mail';
import { type SmtpListener, startSmtpListener } from '@pantau/intake/smtp';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';

export async function startMailIntake(options: {
  readonly port: number;
  /** With a blob store: the message's files and its `.eml` become the case's attachments. */
  readonly service: Service;
  readonly logger: Logger;
  /** The runtime's clock: a message is dated when its SMTP session sent it. */
  readonly clock: () => Date;
}): Promise<SmtpListener> {
  return startSmtpListener({
    port: options.port,
    clock: options.clock,
    async onMessage(raw, receivedAt) {
      const outcome = await intakeMail(options.service, raw, {
        receivedAt: receivedAt.toISOString(),
        // No SES in front to authenticate the sender (nor to scan): the listener is loopback
        // only, so what reaches it came through the operator's own relay, trusted as such.
        trustFrom: true,
      });
      // The case, never the sender: identity stays out of the logs. A receipt that could not
      // be written waits for the message's redelivery (the case is, so the message is taken).
      if (outcome.receipt === 'pending')
        options.logger.warn('e-mail received; its receipt not sent', { ...outcome });
      else options.logger.info('e-mail received', { ...outcome });
    },
    onError(error) {
      if (error instanceof DomainError)
        options.logger.warn('e-mail refused', { code: error.code, reason: error.message });
      else options.logger.error('e-mail intake failed', { error: error as Error });
    },
  });
}

/** A secret kept in the data dir (created on first start), so it outlives a restart. */
export async function localSecret(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const secret = randomBytes(32).toString('hex');
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}
