/**
 * The embedded runtime's mail intake: an SMTP listener (smtp-server) on loopback only, so a
 * local mail server (or a test) can hand it messages; each is parsed into a case like SES's
 * on AWS. No AUTH, no STARTTLS: nothing but this machine reaches it. It authenticates no
 * sender: the runtime that starts it vouches for what it takes (`intakeMail`'s `trustFrom`),
 * so a staff forward and a complainant's follow-up count here as they do on AWS only after
 * SES's authentication. A message that cannot become a case is refused with a 550 naming why,
 * so the sender's server reports it; a failure that may pass is a 451, so it tries again (a
 * redelivery makes no second case).
 */
import { DomainError } from '@pantau/core';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

/** The largest message taken (SES's own receiving limit is 40 MB; attachments are capped later). */
export const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

/**
 * A message's bytes, or undefined past `maxBytes`: what comes after the limit is read and let
 * go (smtp-server's `size` only announces the limit; it still hands over every byte sent).
 */
export function collectMessage(
  stream: NodeJS.ReadableStream,
  maxBytes: number,
): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= maxBytes) chunks.push(chunk);
      else chunks.length = 0;
    });
    stream.on('error', reject);
    stream.on('end', () => resolve(bytes <= maxBytes ? Buffer.concat(chunks) : undefined));
  });
}

export interface SmtpListener {
  readonly port: number;
  close(): Promise<void>;
}

export async function startSmtpListener(options: {
  readonly port: number;
  /**
   * Called with each whole message and when its session began sending it (DATA, by `clock`):
   * the time the case is dated from. A rejection refuses the message.
   */
  readonly onMessage: (raw: Buffer, receivedAt: Date) => Promise<void>;
  readonly onError?: (error: unknown) => void;
  /** The runtime's clock (a manual one in demos); the system's by default. */
  readonly clock?: () => Date;
}): Promise<SmtpListener> {
  const clock = options.clock ?? (() => new Date());
  const server = new SMTPServer({
    name: 'pantau.local',
    banner: 'Pantau complaint intake',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    onData(stream, _session, done) {
      const receivedAt = clock();
      void collectMessage(stream, MAX_MESSAGE_BYTES).then(
        (raw) => {
          if (!raw || (stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
            done(Object.assign(new Error('message too large'), { responseCode: 552 }));
            return;
          }
          options.onMessage(raw, receivedAt).then(
            () => done(),
            (error: unknown) => {
              options.onError?.(error);
              // Only a message that can never be a case is refused for good; anything else (no
              // file storage, the table busy) is a 451, and the sender's server tries again.
              const refused = error instanceof DomainError && error.code === 'validation_failed';
              const reason = error instanceof DomainError ? error.message : 'not registered';
              done(Object.assign(new Error(reason), { responseCode: refused ? 550 : 451 }));
            },
          );
        },
        (error: unknown) => {
          options.onError?.(error);
          done(Object.assign(new Error('message not received'), { responseCode: 451 }));
        },
      );
    },
  });
  server.on('error', (error) => options.onError?.(error));
  await new Promise<void>((ready, fail) => {
    server.server.once('error', fail);
    // Loopback only, whatever HOST the API listens on.
    server.listen(options.port, '127.0.0.1', () => ready());
  });
  const { port } = server.server.address() as AddressInfo;
  return { port, close: () => new Promise<void>((done) => server.close(() => done())) };
}
