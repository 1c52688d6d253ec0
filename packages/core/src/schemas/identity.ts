/**
 * Indonesian identity input (issue 14): a NIK and a phone number as people write them, checked
 * and stored in one form; a stored phone as an officer reads it.
 */
import { isValidPhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { z } from 'zod';

/** NIK (Nomor Induk Kependudukan): exactly 16 digits. */
export const NikSchema = z
  .string()
  .trim()
  .regex(/^\d{16}$/, 'a NIK is 16 digits');

/**
 * An Indonesian phone number as people write it (`0812-3456-7890`, `+62 812…`, `62812…`),
 * checked by libphonenumber-js and stored in E.164 (`+6281234567890`).
 */
export const PhoneSchema = z
  .string()
  .trim()
  .max(32)
  .refine((v) => isValidPhoneNumber(phoneDigits(v), 'ID'), 'not a phone number (08…, +62…, 62…)')
  // `overwrite`, not `transform`: the type stays a string and the OpenAPI document can say it.
  .overwrite((v) => parsePhoneNumberFromString(phoneDigits(v), 'ID')?.number ?? v);

/** `62812…` written without its `+` is the country code, not a national number. */
function phoneDigits(value: string): string {
  return /^62\d{8,}$/.test(value.replace(/[\s.-]/g, '')) ? `+${value}` : value;
}

/**
 * A stored phone (E.164) as an officer reads and dials it: an Indonesian number in the national
 * format (`+6281234567890` → `0812-3456-7890`, `+62215551234` → `(021) 5551234`), another
 * country's in the international one (`+44 1632 960983`), one it cannot read as it is. For the
 * eye only: the stored, searched and exported value stays E.164.
 */
export function phoneForReading(phone: string): string {
  const parsed = parsePhoneNumberFromString(phoneDigits(phone.trim()), 'ID');
  if (!parsed) return phone;
  return parsed.countryCallingCode === '62'
    ? parsed.formatNational()
    : parsed.formatInternational();
}
