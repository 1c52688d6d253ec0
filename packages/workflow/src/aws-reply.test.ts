/**
 * The complainant's receipt through SES (`SesMailer.reply`), against a mocked client (no SES
 * engine runs here): raw content, from the letters' address and configuration set, to the
 * complainant alone, an answer to their message marked auto-replied, which mailparser reads.
 */
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import type { ComplainantMessage } from '@pantau/core';
import { mockClient } from 'aws-sdk-client-mock';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { SesMailer } from './ses-mailer.ts';

const ses = mockClient(SESv2Client);
afterEach(() => ses.reset());

const receipt: ComplainantMessage = {
  id: 'receipt-01KQE58DW08PMNQ8X03RWWZSG1',
  caseId: '01KQE58DW08PMNQ8X03RWWZSG1',
  to: 'warga@warga.example.id',
  subject: 'Pengaduan Anda telah diterima: 17/DUMAS/VIII/2026',
  body: 'Nomor agenda: 17/DUMAS/VIII/2026\nKode lacak: 7QX2-M9KD-4HZ8R\nPerihal: Jalan rusak',
  inReplyTo: '<aduan-1@warga.example.id>',
  references: ['<awal-0@warga.example.id>', '<aduan-1@warga.example.id>'],
  createdAt: '2026-08-03T03:00:00.000Z',
  // The complaint address: the letters' address may receive nothing.
  replyTo: 'pengaduan@example.go.id',
};

describe('SesMailer.reply', () => {
  it('sends the receipt raw, as the letters’ address through their configuration set, to the complainant alone', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
    await new SesMailer({
      client: new SESv2Client({ region: 'eu-west-1' }),
      fromAddress: 'pantau@example.go.id',
      configurationSetName: 'pantau-letters',
    }).reply(receipt);
    const [call] = ses.commandCalls(SendEmailCommand);
    const input = call!.args[0].input;
    expect(input).toMatchObject({
      FromEmailAddress: 'pantau@example.go.id',
      Destination: { ToAddresses: ['warga@warga.example.id'] },
      ConfigurationSetName: 'pantau-letters',
    });
    expect(input.Destination?.CcAddresses ?? []).toEqual([]);
    const parsed = await simpleParser(Buffer.from(input.Content!.Raw!.Data!));
    expect(parsed.from?.value[0]?.address).toBe('pantau@example.go.id');
    expect(parsed.subject).toBe(receipt.subject);
    expect(parsed.messageId).toBe(`<${receipt.id}@example.go.id>`);
    expect(parsed.inReplyTo).toBe('<aduan-1@warga.example.id>');
    expect(parsed.references).toEqual(receipt.references);
    expect(parsed.headers.get('auto-submitted')).toBe('auto-replied');
    // A reply (as the receipt asks, keeping the agenda number) goes to where complaints arrive.
    expect(parsed.replyTo?.value[0]?.address).toBe('pengaduan@example.go.id');
    expect(parsed.text?.trim()).toBe(receipt.body);
  });

  it('throws what SES refuses (the intake keeps the receipt pending)', async () => {
    ses.on(SendEmailCommand).rejects(new Error('Email address is not verified.'));
    await expect(
      new SesMailer({
        client: new SESv2Client({ region: 'eu-west-1' }),
        fromAddress: 'pantau@example.go.id',
      }).reply(receipt),
    ).rejects.toThrow('not verified');
  });
});
