import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_DOCUMENT_SETTINGS, type NotificationRecord } from '@pantau/core';
import { simpleParser } from 'mailparser';
import { afterAll, describe, expect, it } from 'vitest';
import { emlMailer } from './mailer.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const letter = {
  id: 'N1',
  caseId: 'C1',
  step: 'reminder',
  recipients: ['liaison@example.go.id'],
  cc: [],
  subject: 'Pengingat',
  body: 'Pengaduan atas nama Budi Santoso belum ditanggapi.',
  createdAt: '2026-03-16T03:00:00.000Z',
} as unknown as NotificationRecord;

describe('the embedded mailer', () => {
  // A letter names the complainant and the case: on a shared server, no other account reads it.
  it('writes each letter readable by its owner only (0600), in directories only the owner enters (0700)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pantau-mail-'));
    dirs.push(dataDir);
    const mail = join(dataDir, 'mail');
    const previous = process.umask(0o022);
    try {
      await emlMailer(mail).send(letter);
    } finally {
      process.umask(previous);
    }
    const modeOf = (path: string) => statSync(path).mode & 0o777;
    expect(modeOf(mail)).toBe(0o700);
    expect(modeOf(join(mail, '2026-03-16'))).toBe(0o700);
    expect(readdirSync(join(mail, '2026-03-16'))).toEqual(['N1.eml']);
    expect(modeOf(join(mail, '2026-03-16', 'N1.eml'))).toBe(0o600);
  });

  // The letter with a document renders its PDF: the renderer's first load, a second or more.
  it(
    'gives each letter the unit’s mailbox as its Reply-To when one is set (PANTAU_LETTERS_REPLY_TO), none otherwise',
    { timeout: 20_000 },
    async () => {
      const mail = mkdtempSync(join(tmpdir(), 'pantau-mail-'));
      dirs.push(mail);
      // One written before PDFs (plain text) and one with its PDF.
      const document = {
        ...letter,
        id: 'N2',
        document: {
          kind: 'ladder',
          title: null,
          letterhead: DEFAULT_DOCUMENT_SETTINGS.letterhead,
          number: 'B-21/Kemensetneg/D-4/DM.05/03/2026',
          placeAndDate: 'Jakarta, 16 Maret 2026',
          urgency: 'Segera',
          enclosures: null,
          subject: 'Surat Pengingat I atas Pengaduan Masyarakat',
          to: ['Pimpinan Instansi'],
          blocks: [],
          signatory: null,
          tembusan: [],
        },
      } as NotificationRecord;
      const mailer = emlMailer(mail, { replyTo: 'dumas@setneg.example.go.id' });
      await mailer.send(letter);
      await mailer.send(document);
      const read = async (id: string) =>
        simpleParser(readFileSync(join(mail, '2026-03-16', `${id}.eml`)));
      for (const id of ['N1', 'N2'])
        expect(
          (await read(id)).replyTo?.value.map((a) => a.address),
          id,
        ).toEqual(['dumas@setneg.example.go.id']);
      await emlMailer(mail).send(letter);
      expect((await read('N1')).headers.has('reply-to')).toBe(false);
    },
  );

  // An agency head who answered a letter by replying reached noreply@: no one.
  it(
    'gives a letter the unit’s e-mail its settings named as its Reply-To; PANTAU_LETTERS_REPLY_TO, when set, wins',
    { timeout: 20_000 },
    async () => {
      const mail = mkdtempSync(join(tmpdir(), 'pantau-mail-'));
      dirs.push(mail);
      const written = {
        ...letter,
        id: 'N3',
        document: {
          kind: 'ladder',
          title: null,
          letterhead: {
            ...DEFAULT_DOCUMENT_SETTINGS.letterhead,
            email: 'dumas@setneg.example.go.id',
          },
          number: 'B-22/Kemensetneg/D-4/DM.05/03/2026',
          placeAndDate: 'Jakarta, 16 Maret 2026',
          urgency: 'Segera',
          enclosures: null,
          subject: 'Surat Pengingat I atas Pengaduan Masyarakat',
          to: ['Pimpinan Instansi'],
          blocks: [],
          signatory: null,
          tembusan: [],
        },
      } as NotificationRecord;
      const replyTo = async () =>
        (await simpleParser(readFileSync(join(mail, '2026-03-16', 'N3.eml')))).replyTo?.value.map(
          (a) => a.address,
        );
      await emlMailer(mail).send(written);
      expect(await replyTo()).toEqual(['dumas@setneg.example.go.id']);
      await emlMailer(mail, { replyTo: 'surat@setneg.example.go.id' }).send(written);
      expect(await replyTo()).toEqual(['surat@setneg.example.go.id']);
    },
  );

  it('refuses a letter with no To, as SES does, and writes nothing', async () => {
    const mail = mkdtempSync(join(tmpdir(), 'pantau-mail-'));
    dirs.push(mail);
    await expect(
      emlMailer(mail).send({ ...letter, recipients: [], cc: ['head@example.go.id'] }),
    ).rejects.toThrow('no recipient');
    expect(readdirSync(mail)).toEqual([]);
  });
});
