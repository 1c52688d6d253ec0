/**
 * The AWS adapters against mocked clients: no Step Functions or SES engine runs here, so the
 * request each sends is what can be checked (aws-sdk-client-mock).
 */
import { ExecutionAlreadyExists, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { MessageRejected, SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import {
  AddressesRefused,
  DEFAULT_DOCUMENT_SETTINGS,
  letterFailureOf,
  type NotificationRecord,
} from '@pantau/core';
import { mockClient } from 'aws-sdk-client-mock';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { continueLadder, executionName, SfnLadderStarter } from './aws.ts';
import { SesMailer } from './ses-mailer.ts';

const sfn = mockClient(SFNClient);
const ses = mockClient(SESv2Client);
afterEach(() => {
  sfn.reset();
  ses.reset();
});

const ref = {
  caseId: '01KQE58DW08PMNQ8X03RWWZSG1',
  agencyId: 'pemprov-bali',
  generation: 2,
  token: 3,
};
const starter = () =>
  new SfnLadderStarter({
    client: new SFNClient({ region: 'ap-southeast-3' }),
    stateMachineArn: 'arn:aws:states:ap-southeast-3:1:stateMachine:Pantau-ladder',
  });

describe('SfnLadderStarter', () => {
  it('starts one deterministically named execution per ladder ref', async () => {
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn' });
    await starter().arm(ref);
    const [call] = sfn.commandCalls(StartExecutionCommand);
    expect(call!.args[0].input).toMatchObject({
      name: '01KQE58DW08PMNQ8X03RWWZSG1-pemprov-bali-2-3',
      input: JSON.stringify(ref),
    });
  });

  it('treats an execution that already exists as started (a retry starts no second ladder)', async () => {
    sfn
      .on(StartExecutionCommand)
      .rejects(new ExecutionAlreadyExists({ message: 'exists', $metadata: {} }));
    await expect(starter().arm(ref)).resolves.toBeUndefined();
    sfn
      .on(StartExecutionCommand)
      .rejects(Object.assign(new Error('throttled'), { name: 'ThrottlingException' }));
    // Throttling past the SDK's retries is the domain's `unavailable` (a 503 at the API).
    await expect(starter().arm(ref)).rejects.toMatchObject({ code: 'service_unavailable' });
  });

  it('continues a ladder as a new segment with a fresh pass count', async () => {
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn' });
    const out = await continueLadder(starter(), {
      ...ref,
      segment: 1,
      tick: { passes: 400, done: false },
    });
    expect(out).toEqual({ segment: 2, name: '01KQE58DW08PMNQ8X03RWWZSG1-pemprov-bali-2-3-s2' });
    expect(JSON.parse(sfn.commandCalls(StartExecutionCommand)[0]!.args[0].input.input!)).toEqual({
      ...ref,
      segment: 2,
    });
  });

  it('carries the correlation id of the request that armed the ladder, and its next segment keeps it', async () => {
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn' });
    const traced = new SfnLadderStarter({
      client: new SFNClient({ region: 'ap-southeast-3' }),
      stateMachineArn: 'arn:aws:states:ap-southeast-3:1:stateMachine:Pantau-ladder',
      correlationId: () => 'req-7f3a',
    });
    await traced.arm(ref);
    // The name stays the ladder's alone: a retry under another request starts nothing twice.
    await continueLadder(starter(), { ...ref, segment: 0, correlationId: 'req-7f3a' });
    const [armed, next] = sfn.commandCalls(StartExecutionCommand).map((c) => c.args[0].input);
    expect(armed!.name).toBe('01KQE58DW08PMNQ8X03RWWZSG1-pemprov-bali-2-3');
    expect(JSON.parse(armed!.input!)).toEqual({ ...ref, correlationId: 'req-7f3a' });
    expect(JSON.parse(next!.input!)).toEqual({ ...ref, segment: 1, correlationId: 'req-7f3a' });
  });

  it('keeps names within Step Functions’ rules, and distinct', () => {
    const long = { ...ref, agencyId: 'a'.repeat(40) + '-x' };
    const a = executionName(long);
    const b = executionName({ ...long, token: 4 });
    expect(a.length).toBeLessThanOrEqual(80);
    expect(a).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
  });
});

describe('SesMailer', () => {
  it('sends the letter as UTF-8 text to its recipients, traceable by notification id', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'm' });
    const n = {
      id: '01KQE58DW03B6MTJMP739989R1',
      caseId: ref.caseId,
      agencyId: 'polri',
      recipients: ['dumas@polri.example.go.id'],
      cc: ['kepala@polri.example.go.id'],
      subject: 'Surat Pengingat I: Tanah',
      body: 'Yth. Kepolisian Negara Republik Indonesia …',
    } as unknown as NotificationRecord;
    await new SesMailer({
      client: new SESv2Client({ region: 'ap-southeast-3' }),
      fromAddress: 'pantau@setneg.go.id',
      configurationSetName: 'pantau',
    }).send(n);
    const input = ses.commandCalls(SendEmailCommand)[0]!.args[0].input;
    expect(input).toMatchObject({
      FromEmailAddress: 'pantau@setneg.go.id',
      Destination: { ToAddresses: n.recipients, CcAddresses: n.cc },
      Content: {
        Simple: {
          Subject: { Data: n.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: n.body, Charset: 'UTF-8' } },
        },
      },
      ConfigurationSetName: 'pantau',
    });
    // SES's events carry the tags: the letter's key, for marking one that bounced later.
    expect(input.EmailTags).toEqual([
      { Name: 'notification', Value: n.id },
      { Name: 'case', Value: n.caseId },
      { Name: 'agency', Value: 'polri' },
    ]);
  });

  // Four letters with their PDF: the renderer's first load, a second or more.
  it(
    'gives a letter the unit’s mailbox as its Reply-To: the deployment’s, else its settings’',
    { timeout: 20_000 },
    async () => {
      ses.on(SendEmailCommand).resolves({ MessageId: 'm' });
      const plain = {
        id: '01KQE58DW03B6MTJMP739989R2',
        caseId: ref.caseId,
        agencyId: 'polri',
        step: 'reminder_1',
        recipients: ['dumas@polri.example.go.id'],
        cc: [],
        subject: 'Surat Pengingat I atas Pengaduan Masyarakat 17/DUMAS/III/2026: Tanah',
        body: 'Yth. Kepolisian Negara Republik Indonesia …',
        createdAt: '2026-03-27T01:00:00.000Z',
      } as unknown as NotificationRecord;
      // As a document: sent raw, with its PDF.
      const document = {
        ...plain,
        id: '01KQE58DW03B6MTJMP739989R3',
        document: {
          kind: 'ladder',
          title: null,
          letterhead: DEFAULT_DOCUMENT_SETTINGS.letterhead,
          number: 'B-21/Kemensetneg/D-4/DM.05/03/2026',
          placeAndDate: 'Jakarta, 27 Maret 2026',
          urgency: 'Segera',
          enclosures: null,
          subject: 'Surat Pengingat I atas Pengaduan Masyarakat',
          to: ['Pimpinan Kepolisian Negara Republik Indonesia'],
          blocks: [],
          signatory: null,
          tembusan: [],
        },
      } as NotificationRecord;
      const mailer = (replyTo?: string) =>
        new SesMailer({
          client: new SESv2Client({ region: 'ap-southeast-3' }),
          fromAddress: 'pantau@setneg.go.id',
          ...(replyTo ? { replyTo } : {}),
        });
      await mailer('dumas@setneg.go.id').send(plain);
      await mailer('dumas@setneg.go.id').send(document);
      await mailer().send(plain);
      await mailer().send(document);
      const [simple, raw, simpleUnset, rawUnset] = ses
        .commandCalls(SendEmailCommand)
        .map((c) => c.args[0].input);
      expect(simple!.ReplyToAddresses).toEqual(['dumas@setneg.go.id']);
      // A letter sent raw carries the same tags as a simple one (SES's events name it).
      expect(raw!.EmailTags).toEqual(
        simple!.EmailTags!.map((t) =>
          t.Name === 'notification' ? { ...t, Value: document.id } : t,
        ),
      );
      const parsed = await simpleParser(Buffer.from(raw!.Content!.Raw!.Data!));
      expect(parsed.replyTo?.value.map((a) => a.address)).toEqual(['dumas@setneg.go.id']);
      expect(parsed.from?.value.map((a) => a.address)).toEqual(['pantau@setneg.go.id']);
      // None named: none given (the From, then, is where an answer goes).
      expect(simpleUnset!.ReplyToAddresses).toBeUndefined();
      const unset = await simpleParser(Buffer.from(rawUnset!.Content!.Raw!.Data!));
      expect(unset.headers.has('reply-to')).toBe(false);
      // The unit's e-mail in the settings the letter was written with: its Reply-To, unless the
      // deployment names one (`-c lettersReplyTo` wins).
      const unitsOwn = {
        ...document,
        document: {
          ...document.document!,
          letterhead: { ...DEFAULT_DOCUMENT_SETTINGS.letterhead, email: 'pengaduan@setneg.go.id' },
        },
      };
      ses.resetHistory();
      await mailer().send(unitsOwn);
      await mailer('dumas@setneg.go.id').send(unitsOwn);
      const [own, named] = await Promise.all(
        ses
          .commandCalls(SendEmailCommand)
          .map((c) => simpleParser(Buffer.from(c.args[0].input.Content!.Raw!.Data!))),
      );
      expect(own!.replyTo?.value.map((a) => a.address)).toEqual(['pengaduan@setneg.go.id']);
      expect(named!.replyTo?.value.map((a) => a.address)).toEqual(['dumas@setneg.go.id']);
    },
  );
});

describe('SesMailer and an address SES refuses the whole message for', () => {
  const letter = {
    id: '01KQE58DW03B6MTJMP739989R2',
    caseId: ref.caseId,
    agencyId: 'polri',
    recipients: ['dumas@polri.example.go.id'],
    cc: ['kepala polri@polri.example.go.id'],
    subject: 'Surat Pengingat I: Tanah',
    body: 'Yth. Kepolisian Negara Republik Indonesia …',
  } as unknown as NotificationRecord;
  const mailer = () =>
    new SesMailer({
      client: new SESv2Client({ region: 'ap-southeast-3' }),
      fromAddress: 'pantau@setneg.go.id',
    });

  it('names an illegal address before asking SES (its "Illegal address" names none)', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'm' });
    const refused = await mailer()
      .send(letter)
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AddressesRefused);
    expect((refused as AddressesRefused).refused).toEqual([
      {
        address: 'kepala polri@polri.example.go.id',
        reason: 'illegal address: SES refuses the whole message for it',
      },
    ]);
    // Read as a refused address (a letter refused at every To fails `address_refused`).
    expect(
      letterFailureOf({
        status: 'failed',
        recipients: ['x'],
        lastError: (refused as Error).message,
      }),
    ).toBe('address_refused');
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
  });

  it('names the addresses the sandbox refused as not verified; another refusal as it came', async () => {
    const sandbox = { ...letter, cc: ['kepala@polri.example.go.id'] } as NotificationRecord;
    ses.on(SendEmailCommand).rejects(
      new MessageRejected({
        message:
          'Email address is not verified. The following identities failed the check in region AP-SOUTHEAST-3: kepala@polri.example.go.id',
        $metadata: {},
      }),
    );
    const refused = await mailer()
      .send(sandbox)
      .catch((e: unknown) => e);
    expect((refused as AddressesRefused).refused).toEqual([
      {
        address: 'kepala@polri.example.go.id',
        reason: 'not verified in SES (its sandbox sends only to verified addresses)',
      },
    ]);
    ses.reset();
    ses
      .on(SendEmailCommand)
      .rejects(new MessageRejected({ message: 'Daily quota', $metadata: {} }));
    const other = await mailer()
      .send(sandbox)
      .catch((e: unknown) => e);
    expect(other).not.toBeInstanceOf(AddressesRefused);
    expect((other as Error).message).toBe('Daily quota');
  });
});
