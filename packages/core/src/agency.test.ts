import { describe, expect, it } from 'vitest';
import { newAgency, readAgency, type StoredAgency } from './agency.ts';
import { AGENCY_ID_RESERVED, CreateAgencyBody, UpdateAgencyBody } from './schemas.ts';

const stored = (contacts: StoredAgency['contacts']): StoredAgency => ({
  ...newAgency(
    { id: 'polri', name: 'Polri', kind: 'agency', contacts: [{ name: 'x', email: 'x@a.id' }] },
    new Date('2026-01-05T00:00:00.000Z'),
  ),
  contacts,
});
const kinds = (a: StoredAgency) => readAgency(a).contacts.map((c) => c.kind);

describe('agency contacts', () => {
  it('default to liaison on input and keep the kind given', () => {
    const agency = newAgency(
      {
        id: 'polri',
        name: 'Polri',
        kind: 'agency',
        contacts: [
          { name: 'Propam', email: 'dumas@polri.example.go.id', role: 'Kepala urusan' },
          { name: 'Kadiv', email: 'kadiv@polri.example.go.id', kind: 'head' },
        ],
      },
      new Date('2026-01-05T00:00:00.000Z'),
    );
    // A new contact's role never decides its kind: only records stored before kinds are read so.
    expect(agency.contacts.map((c) => c.kind)).toEqual(['liaison', 'head']);
    expect(agency).toMatchObject({ timeZone: 'Asia/Jakarta', focalPointId: null, version: 1 });
  });

  it('stored before kinds read as liaisons, or heads when the role said head, kepala or pimpinan', () => {
    expect(
      kinds(
        stored([
          { name: 'a', email: 'a@x.id', role: 'liaison' },
          { name: 'b', email: 'b@x.id', role: 'Kepala Biro' },
          { name: 'c', email: 'c@x.id', role: 'Head of unit' },
          { name: 'd', email: 'd@x.id', role: 'pimpinan' },
          { name: 'e', email: 'e@x.id' },
          { name: 'f', email: 'f@x.id', role: 'kepala', kind: 'liaison' },
        ]),
      ),
    ).toEqual(['liaison', 'head', 'head', 'head', 'liaison', 'liaison']);
    // Heads only by role: they stay liaisons, so the reminders still reach someone.
    expect(kinds(stored([{ name: 'b', email: 'b@x.id', role: 'Kepala Biro' }]))).toEqual([
      'liaison',
    ]);
  });

  it('must include a liaison', () => {
    const head = { name: 'Kadiv', email: 'kadiv@polri.example.go.id', kind: 'head' };
    const update = UpdateAgencyBody.safeParse({ contacts: [head] });
    expect(update.error?.issues).toEqual([
      expect.objectContaining({ path: ['contacts'], message: expect.stringMatching(/liaison/) }),
    ]);
    expect(
      CreateAgencyBody.safeParse({
        id: 'polri',
        name: 'Polri',
        kind: 'agency',
        contacts: [head, { name: 'Propam', email: 'dumas@polri.example.go.id' }],
      }).success,
    ).toBe(true);
    expect(
      UpdateAgencyBody.safeParse({ contacts: [{ ...head, kind: 'kepala' }] }).error?.issues[0]
        ?.path,
    ).toEqual(['contacts', 0, 'kind']);
  });
});

describe('an agency’s code', () => {
  it('is never `none`: the queue’s `delegatedTo=none` means no unit, and could not name it', () => {
    const body = (id: string) => ({
      id,
      name: 'Kantor Pertanahan',
      kind: 'agency',
      contacts: [{ name: 'Propam', email: 'dumas@polri.example.go.id' }],
    });
    expect(CreateAgencyBody.safeParse(body('none')).error?.issues).toEqual([
      expect.objectContaining({ path: ['id'], message: AGENCY_ID_RESERVED }),
    ]);
    expect(CreateAgencyBody.safeParse(body('none-2')).success).toBe(true);
  });
});
