/**
 * Mail file names are well-formed text (audit of session 26, finding 4): a lone UTF-16
 * surrogate has no UTF-8, and the download header (RFC 8187) is built from the name.
 */
import { describe, expect, it } from 'vitest';
import { FileNameSchema } from '../schemas/documents.ts';
import { attachmentDisposition, fileNameFrom } from './attachments.ts';

describe('a mail file name holding half a surrogate pair', () => {
  it('is made well-formed (U+FFFD) and taken by the upload schema', () => {
    const name = fileNameFrom('\uD800KTP.pdf', 'lampiran-1');
    expect(name).toBe('\uFFFDKTP.pdf');
    expect(FileNameSchema.parse(name)).toBe(name);
    expect(fileNameFrom('bukti\uDE00.jpg', 'lampiran-2')).toBe('bukti\uFFFD.jpg');
  });

  it('keeps whole pairs as they are', () => {
    expect(fileNameFrom('foto 😀.jpg', 'lampiran-1')).toBe('foto 😀.jpg');
  });
});

describe('attachmentDisposition of a name stored before names were well-formed', () => {
  it('gives a header, the broken half as U+FFFD', () => {
    expect(attachmentDisposition('\uD800KTP.pdf')).toBe(
      "attachment; filename*=UTF-8''%EF%BF%BDKTP.pdf",
    );
  });
});
