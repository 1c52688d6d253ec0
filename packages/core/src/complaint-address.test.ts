import { describe, expect, it } from 'vitest';
import { complaintAddressOf } from './complaint-address.ts';

describe('complaintAddressOf: whether SES receives complaints for an address', () => {
  it('finds the address itself, whatever its case', () => {
    expect(complaintAddressOf('Dumas@Setneg.go.id', ['dumas@setneg.go.id'])).toBe(
      'dumas@setneg.go.id',
    );
    expect(complaintAddressOf('dumas@setneg.go.id', ['DUMAS@setneg.go.id'])).toBe(
      'DUMAS@setneg.go.id',
    );
  });

  it('finds a domain SES receives every address of, and a parent domain with a leading dot', () => {
    expect(complaintAddressOf('humas@pengaduan.go.id', ['pengaduan.go.id'])).toBe(
      'pengaduan.go.id',
    );
    expect(complaintAddressOf('humas@dumas.setneg.go.id', ['.setneg.go.id'])).toBe('.setneg.go.id');
  });

  it('leaves the unit’s own mailbox, another address of the domain, and another domain alone', () => {
    const recipients = ['pengaduan@setneg.go.id', 'lapor.go.id', '.dumas.go.id'];
    expect(complaintAddressOf('asdep.dumas@setneg.go.id', recipients)).toBeUndefined();
    // A domain is that domain only; its subdomains need the leading dot.
    expect(complaintAddressOf('humas@sub.lapor.go.id', recipients)).toBeUndefined();
    // A leading dot is its subdomains, not the domain itself (SES's recipient conditions).
    expect(complaintAddressOf('humas@dumas.go.id', recipients)).toBeUndefined();
    // A name that merely ends like the domain is another domain.
    expect(complaintAddressOf('humas@xlapor.go.id', recipients)).toBeUndefined();
    expect(complaintAddressOf('dumas@setneg.go.id', [])).toBeUndefined();
  });
});
