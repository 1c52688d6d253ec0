/**
 * The embedded e-mail channel: the SMTP listener (loopback only) feeding the same parser as
 * SES's Lambda on AWS. Each message is kept first in `<data dir>/inbox/<date>/`, the original
 * the `.eml` attachment stands for until the documents feature stores it on the case.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import { DomainError, type Service } from '@pantau/core';
import { intakeMail } from '@pantau/intake/mail';
import { type SmtpListener, startSmtpListener } from '@pantau/intake/smtp';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function startMailIntake(options: {
  readonly port: number;
  readonly inbox: string;
  readonly service: Service;
  readonly logger: Logger;
}): Promise<SmtpListener> {
  return startSmtpListener({
    port: options.port,
    async onMessage(raw) {
      const dir = join(options.inbox, new Date().toISOString().slice(0, 10));
      await mkdir(dir, { recursive: true });
      const file = join(dir, `${randomUUID()}.eml`);
      await writeFile(file, raw, { mode: 0o600 });
      const outcome = await intakeMail(options.service, raw);
      // The case and the file, never the sender: identity stays out of the logs.
      options.logger.info('e-mail received', { ...outcome, file });
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
