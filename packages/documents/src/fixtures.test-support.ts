/** A forwarded complaint as the letters see it: the DOMAIN.md example, identity hidden. */
import {
  Calendar,
  type CaseRecord,
  DEFAULT_DOCUMENT_SETTINGS,
  INDONESIAN_HOLIDAYS,
  newAgency,
  newAssignment,
  newCase,
} from '@pantau/core';

export const COMPLAINANT = 'Siti Aminah Rahmawati';
export const FORWARDED_AT = new Date('2026-03-16T03:00:00.000Z');

export function forwardedExample(identityHidden = true) {
  const c: CaseRecord = newCase({
    id: '01KCASE0000000000000000000',
    trackingCode: '7QX2-M9KD-4HZ8R',
    now: FORWARDED_AT,
    verificationDueAt: FORWARDED_AT,
    agendaNumber: '17/DUMAS/III/2026',
    body: {
      channel: 'letter',
      complainant: { name: COMPLAINANT, address: 'Jl. Melati 5, Denpasar', phone: '081234567' },
      identityHidden,
      subject: 'Laporan polisi tidak ditindaklanjuti',
      description: 'Laporan kehilangan sepeda motor sejak Januari belum ditangani. Mohon bantuan.',
      letter: { number: '045/RT-03/III/2026', date: '2026-03-10', sender: COMPLAINANT },
    },
  });
  const agency = newAgency(
    {
      id: 'polri',
      name: 'Kepolisian Negara Republik Indonesia',
      kind: 'agency',
      contacts: [{ name: 'Bripka Made Wirawan', email: 'dumas@polri.example.go.id' }],
    },
    FORWARDED_AT,
  );
  const assignment = newAssignment({
    caseId: c.id,
    agencyId: 'polri',
    instructions: 'Mohon klarifikasi atas penanganan laporan polisi tersebut.',
    forwardedAt: FORWARDED_AT,
    forwardedBy: 'officer-1',
    timeZone: 'Asia/Jakarta',
    calendar: new Calendar(INDONESIAN_HOLIDAYS),
    policyId: 'default',
    complaintType: 'normative',
    workingDays: { acknowledge: 3, followUp: 5, resolution: 14 },
    previous: undefined,
  });
  return { case: c, agency, assignment, settings: DEFAULT_DOCUMENT_SETTINGS };
}
