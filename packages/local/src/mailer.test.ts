import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NotificationRecord } from '@pantau/core';
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

  it('refuses a letter with no To, as SES does, and writes nothing', async () => {
    const mail = mkdtempSync(join(tmpdir(), 'pantau-mail-'));
    dirs.push(mail);
    await expect(
      emlMailer(mail).send({ ...letter, recipients: [], cc: ['head@example.go.id'] }),
    ).rejects.toThrow('no recipient');
    expect(readdirSync(mail)).toEqual([]);
  });
});
