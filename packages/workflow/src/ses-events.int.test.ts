/**
 * SES's word on a letter after it accepted it (functions/ses-events.ts on AWS), on DynamoDB
 * Local: a permanent bounce or a reject marks the letter `failed` as a refused send does
 * embedded, so central's desk, the by-agency flag and the ladder panel show it; a repeat, a
 * bounce of a round central has since sent again or marked handled, a transient bounce, a
 * complaint, a receipt and a letter not known here change nothing and throw nothing.
 */
import {
  letterFailureOf,
  type LadderRef,
  type Mailer,
  type NotificationRecord,
  Service,
} from '@pantau/core';
import type { DynamoStore } from '@pantau/store';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addAgencies,
  centralAdmin,
  centralOfficer,
  forwardedCase,
  freshStore,
  manualClock,
} from '../../../test/support/dynamodb.ts';
import type { BusinessMetrics, MetricName } from './metrics.ts';
import { onSesEvent } from './ses-events.ts';
import { sweep } from './sweep.ts';
import { tick } from './tick.ts';

let store: DynamoStore;
const clock = manualClock('2026-05-04T03:00:00.000Z');
const armed: LadderRef[] = [];
const ladders = { arm: async (ref: LadderRef) => void armed.push(ref) };
/** SES on the send: it accepts every letter (a wrong address bounces minutes later). */
const accepting: Mailer = { send: async () => undefined };
const counted: [MetricName, number][] = [];
const metrics: BusinessMetrics = {
  count: (name, value) => void counted.push([name, value]),
  seconds: () => undefined,
};
const logged: { level: string; message: string; fields: Record<string, unknown> }[] = [];
const logger = {
  info: (message: string, fields: Record<string, unknown>) =>
    void logged.push({ level: 'info', message, fields }),
  warn: (message: string, fields: Record<string, unknown>) =>
    void logged.push({ level: 'warn', message, fields }),
  error: (message: string, fields: Record<string, unknown>) =>
    void logged.push({ level: 'error', message, fields }),
};

beforeAll(async () => {
  store = await freshStore();
  await addAgencies(new Service({ store, clock: clock.now }), [
    { id: 'polri' },
    { id: 'bpn' },
    { id: 'pln' },
    { id: 'kemenag' },
    { id: 'bulog' },
    { id: 'atr' },
  ]);
});

const service = () => new Service({ store, clock: clock.now, ladders });
const letterOf = async (n: Pick<NotificationRecord, 'caseId' | 'id'>) =>
  (await store.getNotification(n.caseId, n.id))!;

/**
 * A light case forwarded to `agencyId` on `day` at 10.00 WIB, and its acknowledgement's warning
 * the Tick wrote two days later in letter hours and SES accepted: `sent`.
 */
async function sentWarning(day: string, agencyId: string) {
  clock.set(`${day}T03:00:00.000Z`);
  const { caseId } = await forwardedCase(service(), [agencyId], 'light');
  clock.set(new Date(Date.parse(`${day}T03:00:00.000Z`) + 2 * 86_400_000).toISOString());
  await tick({ store, clock: clock.now, mailer: accepting }, armed.at(-1)!);
  const [letter] = (await store.listNotifications({ caseId }, { limit: 10 })).items.filter(
    (n) => n.status === 'sent',
  );
  expect(letter).toMatchObject({ status: 'sent', agencyId, action: 'warning' });
  return letter!;
}

/**
 * What SES publishes on the default event bus when the receiving server refuses a letter
 * (SES's "Email Bounced" event: the event-publishing record as `detail`), with the message tags
 * SesMailer sets and, among its headers, the ones it writes.
 */
const bounceEvent = (
  n: NotificationRecord,
  options: {
    bounceType?: string;
    bounceSubType?: string;
    tags?: Record<string, string[]>;
    recipients?: { emailAddress: string; status?: string; diagnosticCode?: string }[];
  } = {},
) => ({
  version: '0',
  id: 'c3d4e5f6-a7b8-9012-cdef-123456789012',
  'detail-type': 'Email Bounced',
  source: 'aws.ses',
  account: '111122223333',
  time: '2026-05-06T03:04:00Z',
  region: 'ap-southeast-3',
  resources: [],
  detail: {
    eventType: 'Bounce',
    bounce: {
      feedbackId: '0100018d-1234-abcd-ef01-234567890abc-000000',
      bounceType: options.bounceType ?? 'Permanent',
      bounceSubType: options.bounceSubType ?? 'General',
      bouncedRecipients: options.recipients ?? [
        {
          emailAddress: n.recipients[0],
          action: 'failed',
          status: '5.1.1',
          diagnosticCode: 'smtp; 550 5.1.1 <liaison>: Recipient address rejected: User unknown',
        },
      ],
      timestamp: '2026-05-06T03:04:00.000Z',
      reportingMTA: 'dns; a27-30.smtp-out.ap-southeast-3.amazonses.com',
    },
    mail: mailOf(n, options.tags),
  },
});

const mailOf = (n: NotificationRecord, tags?: Record<string, string[]>) => ({
  // When SES accepted it: the send the Tick recorded.
  timestamp: n.sentAt ?? '2026-05-06T03:00:00.000Z',
  source: 'pantau@setneg.go.id',
  sourceArn: 'arn:aws:ses:ap-southeast-3:111122223333:identity/setneg.go.id',
  sendingAccountId: '111122223333',
  messageId: '0100018d0d89bc12-7ce77242-b9cf-492d-a880-7f5401590119-000000',
  destination: [...n.recipients, ...n.cc],
  headersTruncated: false,
  headers: [
    { name: 'From', value: 'pantau@setneg.go.id' },
    { name: 'To', value: n.recipients.join(', ') },
    { name: 'X-Pantau-Notification', value: n.id },
    { name: 'X-Pantau-Case', value: n.caseId },
  ],
  tags: tags ?? {
    'ses:configuration-set': ['PantauNotifyConfigurationSet'],
    'ses:source-ip': ['10.0.0.1'],
    'ses:from-domain': ['setneg.go.id'],
    'ses:caller-identity': ['PantauTest-EscalationTickRole'],
    notification: [n.id],
    case: [n.caseId],
    agency: [n.agencyId],
  },
});

const deliver = (event: unknown) =>
  onSesEvent(event, {
    record: (bounce) => service().recordLetterBounce(bounce),
    metrics,
    logger,
  });

describe('a letter SES accepted and the receiving server refused (a permanent bounce)', () => {
  it('is recorded failed, its address refused, on central’s desk, the agency’s flag and the ladder panel', async () => {
    const letter = await sentWarning('2026-05-04', 'polri');
    counted.length = 0;
    logged.length = 0;
    clock.set('2026-05-06T03:05:00.000Z');
    expect(await deliver(bounceEvent(letter))).toMatchObject({
      outcome: 'recorded',
      notificationId: letter.id,
      caseId: letter.caseId,
    });
    const failed = await letterOf(letter);
    expect(failed).toMatchObject({ status: 'failed', sentAt: null, nextAttemptAt: null });
    // As a refused send reads embedded: the address refused and the server's words.
    expect(failed.lastError).toContain('liaison@polri.example.go.id');
    expect(failed.lastError).toContain('550 5.1.1');
    expect(letterFailureOf(failed)).toBe('address_refused');
    // Central's desk: the list, and the agency's group (no letter reaches it now).
    const listed = await service().listFailedNotifications(centralOfficer, { limit: 100 });
    expect(listed.items.map((n) => [n.id, n.failure])).toContainEqual([
      letter.id,
      'address_refused',
    ]);
    const groups = await service().failedLettersByAgency(centralOfficer);
    expect(groups.items.find((g) => g.agencyId === 'polri')).toMatchObject({
      count: 1,
      failure: 'address_refused',
      addresses: ['liaison@polri.example.go.id'],
      latestFailed: true,
      addressUnchanged: true,
    });
    // The case's ladder panel: the step's letter reached no one.
    const deadlines = await service().deadlines(centralOfficer, letter.caseId, 'polri');
    expect(deadlines.ladder.taken.map((t) => t.letter)).toContainEqual(
      expect.objectContaining({ status: 'failed', failure: 'address_refused', handled: false }),
    );
    // LettersFailed (alarmed) counts it as it counts a letter given up embedded.
    expect(counted).toEqual([['LettersFailed', 1]]);
    // Ids only in the logs: never the address, nor the server's words (they name it).
    expect(JSON.stringify(logged)).not.toMatch(/@|5\.1\.1/);
  });

  it('changes nothing when the same event comes again (EventBridge delivers at least once)', async () => {
    const letter = await sentWarning('2026-05-11', 'bpn');
    await deliver(bounceEvent(letter));
    const failed = await letterOf(letter);
    counted.length = 0;
    expect(await deliver(bounceEvent(letter))).toMatchObject({ outcome: 'already_failed' });
    expect(await letterOf(letter)).toEqual(failed);
    expect(counted).toEqual([]);
  });

  it('does not reopen a letter central sent again since, nor one it marked handled', async () => {
    const letter = await sentWarning('2026-05-18', 'pln');
    const bounced = bounceEvent(letter);
    await deliver(bounced);
    // An admin corrects the address; central sends it again and the sweep delivers it.
    await service().updateAgency(centralAdmin, 'pln', {
      contacts: [{ name: 'Humas', email: 'humas@pln.example.go.id', kind: 'liaison' }],
    });
    clock.set('2026-05-20T04:00:00.000Z');
    await service().resendLetter(centralOfficer, letter.caseId, letter.id);
    clock.set('2026-05-20T04:05:00.000Z');
    await sweep({ store, clock: clock.now, mailer: accepting });
    const resent = await letterOf(letter);
    expect(resent).toMatchObject({ status: 'sent', recipients: ['humas@pln.example.go.id'] });
    // The first round's bounce, delivered again late: the letter that went since stands.
    expect(await deliver(bounced)).toMatchObject({ outcome: 'resent_since' });
    expect(await letterOf(letter)).toEqual(resent);
    // A bounce of the new round is the new round's: recorded.
    expect(
      await deliver(
        bounceEvent(resent, {
          recipients: [
            {
              emailAddress: 'humas@pln.example.go.id',
              diagnosticCode: 'smtp; 550 5.1.1 no such user',
            },
          ],
        }),
      ),
    ).toMatchObject({ outcome: 'recorded' });

    // Handled: central closed it off; a late copy of the bounce leaves the note.
    const other = await sentWarning('2026-07-13', 'kemenag');
    await deliver(bounceEvent(other));
    const note = 'Disampaikan melalui telepon.';
    await service().dismissLetter(centralOfficer, other.caseId, other.id, { note });
    const handled = await letterOf(other);
    expect(await deliver(bounceEvent(other))).toMatchObject({ outcome: 'handled' });
    expect(await letterOf(other)).toEqual(handled);
  });
});

describe('a letter one of whose addresses bounced (audit: one dead address sank the letter)', () => {
  it('stays sent to the others, the bounced address recorded for central; all its To bounced, it fails', async () => {
    const [kept, dead] = ['humas@kanwil-c.example.go.id', 'lama@kanwil-c.example.go.id'];
    await service().createAgency(centralAdmin, {
      id: 'kanwil-c',
      name: 'Kantor Wilayah C',
      kind: 'agency',
      contacts: [
        { name: 'Humas', email: kept, kind: 'liaison' },
        { name: 'Humas lama', email: dead, kind: 'liaison' },
      ],
    });
    const letter = await sentWarning('2026-08-03', 'kanwil-c');
    expect(letter.recipients).toEqual([kept, dead]);
    counted.length = 0;
    logged.length = 0;
    const oneBounced = bounceEvent(letter, {
      recipients: [
        { emailAddress: dead, status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 user unknown' },
      ],
    });
    expect(await deliver(oneBounced)).toMatchObject({ outcome: 'copy_refused' });
    const partly = await letterOf(letter);
    expect(partly).toMatchObject({
      status: 'sent',
      sentAt: letter.sentAt,
      refusedAddresses: [{ address: dead, reason: 'smtp; 550 5.1.1 user unknown' }],
    });
    // On central's list, not counted as a letter failed (it reached its other liaison).
    const listed = await service().listFailedNotifications(centralOfficer, {
      limit: 100,
      agencyId: 'kanwil-c',
    });
    expect(listed.items.map((n) => [n.id, n.status, n.refusedAddresses])).toEqual([
      [letter.id, 'sent', [{ address: dead, reason: 'smtp; 550 5.1.1 user unknown' }]],
    ]);
    expect(counted).toEqual([]);
    expect(JSON.stringify(logged)).not.toMatch(/@|5\.1\.1/);
    // The same event again writes nothing.
    expect(await deliver(oneBounced)).toMatchObject({ outcome: 'already_failed' });
    expect(await letterOf(letter)).toEqual(partly);
    // The other To bounces too: it reached no one, and fails as a whole.
    expect(
      await deliver(
        bounceEvent(letter, {
          recipients: [{ emailAddress: kept, diagnosticCode: 'smtp; 550 5.1.2 no such domain' }],
        }),
      ),
    ).toMatchObject({ outcome: 'recorded' });
    expect(await letterOf(letter)).toMatchObject({
      status: 'failed',
      sentAt: null,
      refusedAddresses: [
        { address: dead, reason: 'smtp; 550 5.1.1 user unknown' },
        { address: kept, reason: 'smtp; 550 5.1.2 no such domain' },
      ],
    });
  });
});

describe('bounces of one letter handled at once (SES reports each receiving server apart)', () => {
  it('records every address refused: neither write undoes the other', async () => {
    const [first, second] = ['humas@kanwil-d.invalid', 'umum@kanwil-e.invalid'];
    await service().createAgency(centralAdmin, {
      id: 'kanwil-d',
      name: 'Kantor Wilayah D',
      kind: 'agency',
      contacts: [
        { name: 'Humas', email: first, kind: 'liaison' },
        { name: 'Umum', email: second, kind: 'liaison' },
      ],
    });
    const letter = await sentWarning('2026-08-10', 'kanwil-d');
    expect(letter.recipients).toEqual([first, second]);
    const outcomes = await Promise.all(
      [first, second].map((address) =>
        deliver(
          bounceEvent(letter, {
            recipients: [
              { emailAddress: address, diagnosticCode: 'smtp; 550 5.1.2 no such domain' },
            ],
          }),
        ),
      ),
    );
    // One of the two found the other's write and read the letter again: every To bounced.
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['copy_refused', 'recorded']);
    const after = await letterOf(letter);
    expect(after.status).toBe('failed');
    expect(after.refusedAddresses?.map((r) => r.address).sort()).toEqual([first, second].sort());
  });

  it('leaves a copy central sent again `sent` when it bounces: the letter reached its other addresses before', async () => {
    const [kept, dead, corrected] = [
      'humas@kanwil-f.example.go.id',
      'lama@kanwil-f.invalid',
      'baru@kanwil-f.invalid',
    ];
    await service().createAgency(centralAdmin, {
      id: 'kanwil-f',
      name: 'Kantor Wilayah F',
      kind: 'agency',
      contacts: [
        { name: 'Humas', email: kept, kind: 'liaison' },
        { name: 'Humas lama', email: dead, kind: 'liaison' },
      ],
    });
    const letter = await sentWarning('2026-08-17', 'kanwil-f');
    await deliver(
      bounceEvent(letter, {
        recipients: [{ emailAddress: dead, diagnosticCode: 'smtp; 550 5.1.1 user unknown' }],
      }),
    );
    const agency = (await store.getAgency('kanwil-f'))!;
    await service().updateAgency(centralAdmin, 'kanwil-f', {
      contacts: [
        { name: 'Humas', email: kept, kind: 'liaison' },
        { name: 'Humas baru', email: corrected, kind: 'liaison' },
      ],
      version: agency.version,
    });
    const copy = await service().resendLetter(centralOfficer, letter.caseId, letter.id);
    expect(copy).toMatchObject({ status: 'pending', recipients: [corrected], reached: [kept] });
    clock.set(new Date(clock.now().getTime() + 20 * 60_000).toISOString());
    await sweep({ store, clock: clock.now, mailer: accepting });
    const went = await letterOf(letter);
    expect(went).toMatchObject({ status: 'sent', recipients: [corrected], reached: [kept] });
    // The corrected address bounces too: the letter still reached the liaison it reached first.
    clock.set(new Date(clock.now().getTime() + 5 * 60_000).toISOString());
    expect(
      await deliver(
        bounceEvent(went, {
          recipients: [
            { emailAddress: corrected, diagnosticCode: 'smtp; 550 5.1.2 no such domain' },
          ],
        }),
      ),
    ).toMatchObject({ outcome: 'copy_refused' });
    expect(await letterOf(letter)).toMatchObject({
      status: 'sent',
      sentAt: went.sentAt,
      refusedAddresses: [{ address: corrected, reason: 'smtp; 550 5.1.2 no such domain' }],
    });
    // On central's list again, and the agency is not flagged as one no letter reaches.
    const groups = await service().failedLettersByAgency(centralOfficer);
    expect(groups.items.find((g) => g.agencyId === 'kanwil-f')).toMatchObject({
      latestFailed: false,
      addresses: [corrected],
    });
  });
});

describe('a letter SES rejected after accepting it (it found a virus)', () => {
  it('is recorded failed as the mail service’s refusal, found by its header when its tags name no case', async () => {
    const letter = await sentWarning('2026-07-20', 'polri');
    // Sent before the letters carried a `case` tag: the X-Pantau-Case header names it.
    const { case: _case, ...olderTags } = mailOf(letter).tags;
    const rejected = {
      ...bounceEvent(letter),
      'detail-type': 'Email Rejected',
      detail: {
        eventType: 'Reject',
        reject: { reason: 'Bad content' },
        mail: mailOf(letter, olderTags),
      },
    };
    expect(await deliver(rejected)).toMatchObject({ outcome: 'recorded', caseId: letter.caseId });
    const failed = await letterOf(letter);
    expect(failed).toMatchObject({ status: 'failed' });
    expect(failed.lastError).toMatch(/virus.*Bad content/);
    expect(letterFailureOf(failed)).toBe('mailer');
  });
});

describe('what does not fail a letter', () => {
  it('leaves a letter sent after a transient bounce, and after a complaint (it was delivered)', async () => {
    const letter = await sentWarning('2026-06-01', 'bulog');
    expect(
      await deliver(
        bounceEvent(letter, {
          bounceType: 'Transient',
          bounceSubType: 'MailboxFull',
          recipients: [
            { emailAddress: letter.recipients[0]!, diagnosticCode: 'smtp; 552 5.2.2 mailbox full' },
          ],
        }),
      ),
    ).toMatchObject({ outcome: 'ignored', reason: 'transient_bounce' });
    const complaint = {
      ...bounceEvent(letter),
      'detail-type': 'Email Complaint Received',
      detail: {
        eventType: 'Complaint',
        complaint: {
          complainedRecipients: [{ emailAddress: letter.recipients[0] }],
          timestamp: '2026-06-03T04:00:00.000Z',
          feedbackId: '0100018d-x',
          complaintFeedbackType: 'abuse',
        },
        mail: mailOf(letter),
      },
    };
    expect(await deliver(complaint)).toMatchObject({
      outcome: 'ignored',
      reason: 'not_undelivered',
    });
    expect(await letterOf(letter)).toMatchObject({ status: 'sent' });
  });

  it('ignores, without throwing, a receipt (no notification tag) and a letter not known here', async () => {
    const letter = await sentWarning('2026-06-08', 'atr');
    const receipt = bounceEvent(letter, {
      tags: { 'ses:configuration-set': ['PantauNotifyConfigurationSet'] },
    });
    expect(await deliver(receipt)).toMatchObject({ outcome: 'ignored', reason: 'not_a_letter' });
    const unknown = bounceEvent({ ...letter, id: '01KQE58DW03B6MTJMP739989ZZ' }, {});
    expect(await deliver(unknown)).toMatchObject({ outcome: 'unknown' });
    const otherCase = bounceEvent({ ...letter, caseId: '01KQE58DW08PMNQ8X03RWWZSG1' });
    expect(await deliver(otherCase)).toMatchObject({ outcome: 'unknown' });
    expect(await letterOf(letter)).toMatchObject({ status: 'sent' });
  });
});
