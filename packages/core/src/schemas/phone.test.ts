import { describe, expect, it } from 'vitest';
import { PhoneSchema, phoneForReading } from './identity.ts';

describe('a phone as an officer reads it', () => {
  it('writes an Indonesian number as it is dialled at home, another country’s internationally', () => {
    expect(phoneForReading('+6281234567890')).toBe('0812-3456-7890');
    expect(phoneForReading('+62215551234')).toBe('(021) 5551234');
    expect(phoneForReading('+441632960983')).toBe('+44 1632 960983');
  });

  it('reads what the schema stores back to the form it was typed in, and leaves the unreadable', () => {
    const stored = PhoneSchema.parse('0812 3456 7890');
    expect(stored).toBe('+6281234567890');
    expect(phoneForReading(stored)).toBe('0812-3456-7890');
    expect(phoneForReading('bukan nomor')).toBe('bukan nomor');
  });
});
