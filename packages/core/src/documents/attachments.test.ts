import { describe, expect, it } from 'vitest';
import { FileNameSchema } from '../schemas/documents.ts';
import { fileNameFrom } from './attachments.ts';

describe('fileNameFrom: a mail client’s file name as the upload schema takes it', () => {
  it('keeps a name the schema takes as it is', () => {
    expect(fileNameFrom('kuitansi.pdf', 'lampiran-1')).toBe('kuitansi.pdf');
  });

  it('cuts a name of thousands of characters to 200, keeping its extension', () => {
    const name = fileNameFrom(`${'laporan keuangan desa '.repeat(600)}.pdf`, 'lampiran-1');
    expect(name.length).toBeLessThanOrEqual(200);
    expect(name).toMatch(/^laporan keuangan desa .*…\.pdf$/);
    expect(FileNameSchema.parse(name)).toBe(name);
  });

  it('never splits a character, and replaces slashes and control characters', () => {
    const name = fileNameFrom(`../${'😀'.repeat(150)}\u0007.jpg`, 'lampiran-2');
    expect(FileNameSchema.parse(name)).toBe(name);
    expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/); // no lone high surrogate
    expect(name.startsWith('.._')).toBe(true);
    expect(name.endsWith('….jpg')).toBe(true);
  });

  it('gives the fallback when nothing usable is left', () => {
    expect(fileNameFrom('  //  ', 'lampiran-3')).toBe('lampiran-3');
    expect(fileNameFrom('', 'lampiran-4')).toBe('lampiran-4');
  });
});
