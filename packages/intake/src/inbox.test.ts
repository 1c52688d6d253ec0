import { DomainError, type IncomingMail, invalidInput } from '@pantau/core';
import { describe, expect, it } from 'vitest';
import { intakeInbox } from './inbox.ts';

/** An S3 `ObjectCreated` event as SES's receipt rule raises it (only what the intake reads). */
const record = (key: string, eventTime: string) => ({
  eventVersion: '2.1',
  eventSource: 'aws:s3',
  eventTime,
  eventName: 'ObjectCreated:Put',
  s3: { bucket: { name: 'inbox' }, object: { key, size: 120 } },
});

const message = (subject: string) =>
  Buffer.from(
    [
      'From: Warga <warga@warga.example.id>',
      `Subject: ${subject}`,
      // The sender's clock, which anyone sets: never the receipt time.
      'Date: Mon, 1 Jan 2001 00:00:00 +0000',
      '',
      'Jalan rusak sejak Mei.',
    ].join('\r\n'),
  );

function inbox(fail: (mail: IncomingMail) => Error | undefined = () => undefined) {
  const got: IncomingMail[] = [];
  const read: string[] = [];
  const refused: { key: string; reason: string }[] = [];
  const received: string[] = [];
  return {
    got,
    read,
    refused,
    received,
    deps: {
      service: {
        receiveEmail: (mail: IncomingMail) => {
          got.push(mail);
          const error = fail(mail);
          return error
            ? Promise.reject(error)
            : Promise.resolve({ caseId: `case-${got.length}`, duplicate: false });
        },
      },
      read: (key: string) => {
        read.push(key);
        return Promise.resolve(message(key));
      },
      received: (_outcome: unknown, key: string) => void received.push(key),
      refused: (key: string, reason: string) => void refused.push({ key, reason }),
    },
  };
}

describe('the messages SES stored, as the inbox bucket’s S3 event names them', () => {
  it('are read by their decoded keys, each received when S3 stored it (`eventTime`)', async () => {
    const box = inbox();
    await intakeInbox(
      {
        Records: [
          record('inbound/abc+def%2B1', '2026-08-07T03:00:00.123Z'),
          record('inbound/xyz', '2026-08-07T03:00:05Z'),
        ],
      },
      box.deps,
    );
    expect(box.read).toEqual(['inbound/abc def+1', 'inbound/xyz']);
    expect(box.got.map((m) => m.receivedAt)).toEqual([
      '2026-08-07T03:00:00.123Z',
      '2026-08-07T03:00:05.000Z',
    ]);
    expect(box.received).toEqual(['inbound/abc def+1', 'inbound/xyz']);
  });

  it('reports each message refused (with its key and reason) and goes on with the next', async () => {
    const box = inbox((mail) =>
      mail.subject === 'inbound/refused'
        ? invalidInput('message', 'refused as automated (auto-reply or bounce)')
        : undefined,
    );
    await intakeInbox(
      {
        Records: [
          record('inbound/refused', '2026-08-07T03:00:00Z'),
          record('inbound/ok', '2026-08-07T03:00:01Z'),
        ],
      },
      box.deps,
    );
    expect(box.refused).toEqual([
      { key: 'inbound/refused', reason: 'message: refused as automated (auto-reply or bounce)' },
    ]);
    expect(box.received).toEqual(['inbound/ok']);
  });

  it('throws any other failure, so S3 retries the event (and then the dead-letter queue keeps it)', async () => {
    const box = inbox(() => new DomainError('service_unavailable', 'the table is busy'));
    await expect(
      intakeInbox({ Records: [record('inbound/a', '2026-08-07T03:00:00Z')] }, box.deps),
    ).rejects.toMatchObject({ code: 'service_unavailable' });
    expect(box.refused).toEqual([]);
  });

  it('vouches for no sender itself: only SES’s own Authentication-Results does', async () => {
    // A follow-up joins its complainant's case only from a sender SES authenticated (anyone
    // can write any `From:`); the embedded runtime's `trustFrom` is never the inbox's.
    const box = inbox();
    const ses =
      'Authentication-Results: amazonses.com; spf=pass; dkim=pass header.i=@warga.example.id; dmarc=pass header.from=warga.example.id;';
    await intakeInbox(
      {
        Records: [
          record('inbound/plain', '2026-08-07T03:00:00Z'),
          record('inbound/signed', '2026-08-07T03:00:01Z'),
        ],
      },
      {
        ...box.deps,
        read: (key: string) =>
          Promise.resolve(
            key === 'inbound/signed'
              ? Buffer.concat([Buffer.from(`${ses}\r\n`), message(key)])
              : message(key),
          ),
      },
    );
    expect(box.got.map((m) => [m.subject, m.fromAuthenticated])).toEqual([
      ['inbound/plain', false],
      ['inbound/signed', true],
    ]);
  });

  it('refuses an event that is not S3’s (no key or time): nothing is read', async () => {
    const box = inbox();
    await expect(
      intakeInbox({ Records: [{ s3: { object: { key: 'inbound/a' } } }] }, box.deps),
    ).rejects.toThrow();
    expect(box.read).toEqual([]);
  });
});
