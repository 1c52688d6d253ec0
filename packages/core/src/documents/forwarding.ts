/**
 * The forwarding letter (surat penerusan) as the ladder's first write of a forwarding: an
 * outbox letter to the agency's liaisons with its PDF document, its exactly-once marker and
 * a timeline event, committed with the ladder (workflow/tick.ts).
 */
import { emailsOf } from '../agency.ts';
import type { AssignmentRecord } from '../assignment.ts';
import { agendaOf, type CaseRecord } from '../case.ts';
import { throughPantau } from '../letters.ts';
import type { NotificationRecord } from '../notification.ts';
import type { LadderLetterWrite } from '../ports.ts';
import type { Agency } from '../schemas.ts';
import { newEventId } from '../timeline.ts';
import { type AttachmentRecord, canRead } from './attachments.ts';
import { forwardingLetterDocument } from './letter-document.ts';
import type { DocumentSettings } from '../schemas/documents.ts';
import { cutText } from '../text.ts';

/** The marker of a generation's forwarding letter (a ladder step id of its own). */
export const FORWARDING_STEP = 'forwarding';

export function forwardingLetterWrite(input: {
  case: CaseRecord;
  assignment: AssignmentRecord;
  agency: Agency;
  settings: DocumentSettings;
  number: string;
  attachments: readonly AttachmentRecord[];
  now: Date;
  /** The console's address: the letter names the case's page there (`caseLink`). */
  consoleUrl?: string | undefined;
}): LadderLetterWrite {
  const { case: c, assignment: a, agency, now } = input;
  // Only files there to open, and only what this agency may read: never a central-only scan
  // of a hidden-identity case, nor its own uploads refused or never finished (unbounded in
  // number: they take no place among the case's 30). Nor an activity report's file: the
  // letter is not given the case's activities, and one held with other agencies (before this
  // one was forwarded the case) is not this agency's to read. Those it was in, it reads in
  // Pantau.
  const reader = { central: false as const, agencies: new Set([a.agencyId]) };
  const visible = input.attachments
    .filter((x) => x.status === 'available' && canRead(x, reader, []))
    .map((x) => x.name);
  const document = forwardingLetterDocument({
    case: c,
    assignment: a,
    agency,
    settings: input.settings,
    number: input.number,
    now,
    attachments: visible,
    consoleUrl: input.consoleUrl,
  });
  const agenda = agendaOf(c);
  // Greeted as the PDF greets (`addressedTo`): it said "Yth. <agency>", the PDF "Yth. Pimpinan …".
  const [first, ...more] = document.to;
  const body = [
    `Yth. ${first}`,
    ...more,
    '',
    `Bersama ini kami teruskan pengaduan masyarakat nomor agenda ${agenda} (surat nomor ${input.number}), terlampir dalam berkas PDF.`,
    `Pokok pengaduan: ${c.subject}`,
    '',
    `Tindak lanjut mohon disampaikan ${throughPantau(input.consoleUrl, c.id)} sebelum batas waktu yang tercantum dalam surat.`,
    '',
    input.settings.signatory.position,
    input.settings.letterhead.ministry,
  ].join('\n');
  const notification: NotificationRecord = {
    id: newEventId(now),
    caseId: a.caseId,
    agencyId: a.agencyId,
    generation: a.generation,
    stepId: FORWARDING_STEP,
    step: FORWARDING_STEP,
    action: 'forwarding',
    target: 'acknowledge',
    targets: [],
    channel: 'email',
    recipients: emailsOf(agency, 'liaison'),
    cc: [],
    status: 'pending',
    subject: cutText(`Penerusan Pengaduan Masyarakat ${agenda}: ${c.subject}`, 250),
    body,
    scheduledAt: now.toISOString(),
    episode: null,
    createdAt: now.toISOString(),
    sentAt: null,
    attempts: 0,
    lastError: null,
    letterNumber: input.number,
    document,
  };
  return {
    stepId: FORWARDING_STEP,
    notification,
    event: {
      id: newEventId(now),
      caseId: a.caseId,
      at: now.toISOString(),
      type: 'forwarding_letter',
      actor: { system: 'escalation' },
      agencyId: a.agencyId,
      data: { notificationId: notification.id, letterNumber: input.number },
    },
  };
}
