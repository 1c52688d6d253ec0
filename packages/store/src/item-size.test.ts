/**
 * The largest item each entity can reach, measured: every entity built at the maximum its
 * inputs' zod limits allow (every text at its longest, in a script whose characters take 3
 * bytes in UTF-8, the most a UTF-16 code unit can), mapped to the item the table stores, and
 * measured as DynamoDB counts it. Each must stay under the 400 KB item limit; the figures are
 * the "Largest items" table of ../README.md (printed with `--reporter verbose`).
 */
import {
  type ActivityRecord,
  type Agency,
  type AssignmentRecord,
  type AttachmentRecord,
  Calendar,
  type CaseRecord,
  CENTRAL_TENANT,
  CHUNK_SIZE,
  checkedKey,
  type ClockEntry,
  completeAttachment,
  composeLetter,
  COUNTS_ACKNOWLEDGEMENT,
  DEFAULT_POLICY,
  type DocumentSettings,
  forwardingLetterWrite,
  type ExtensionRequestRecord,
  ERROR_CODES,
  type IdempotencyRecord,
  INDONESIAN_HOLIDAYS,
  ladderLetterDocument,
  type LadderRecord,
  MAX_MESSAGE_ID_CHARS,
  MAX_REPLIES,
  MAX_STATUS_HISTORY,
  MAX_HISTOGRAM_DAYS,
  MAX_FILE_NAME,
  MAX_TOKEN_BYTES,
  newAssignment,
  newAttachment,
  newCase,
  type NotificationRecord,
  type RearmJobRecord,
  REFUSAL_REASON_MAX,
  sequenceName,
  type SlaPolicy,
  type TimelineEvent,
  viewActivity,
  viewAssignment,
  viewCase,
} from '@pantau/core';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attachmentItem, documentSettingsItem, sequenceItem } from './document-store.ts';
import { itemSize, MAX_ITEM_BYTES } from './item-size.ts';
import {
  activityItem,
  agencyItem,
  agencyNameItem,
  assignmentItem,
  calendarDayItem,
  calendarYearItem,
  caseItem,
  clockEntryItem,
  eventItem,
  extensionItem,
  idempotencyItem,
  invitationItem,
  jobChunkItem,
  jobFailureItem,
  jobItem,
  jobScopeItem,
  ladderItem,
  ladderStepItem,
  letterShareItem,
  notificationItem,
  policyItem,
  trackingCodeItem,
  claimItem,
  upgradeItem,
} from './items.ts';
import { keys } from './keys.ts';
import { INLINE_CURSOR_CHARS, keptCursorItem } from './paging.ts';
import { indexWrites, SearchKeys } from './search-index.ts';

/** `n` characters of Javanese script: 3 bytes each in UTF-8, the worst a zod `max(n)` allows. */
const text = (n: number) => 'ꦗ'.repeat(n);
const id = (n: number) => 'a'.repeat(n);
const NOW = '2026-04-06T03:00:00.000Z';
const ULID = '01KQ0000000000000000000000';
/** A principal's `sub`: at most 200 characters from the embedded issuer (Cognito's are 36). */
const SUB = id(200);
const agencyId = (i: number) => `${String(i).padStart(4, '0')}${id(36)}`; // 40 characters
/** Agencies a case has been forwarded to over its life: at most every agency registered. */
const REGISTERED_AGENCIES = 1_000;
const email = () => `${id(64)}@${id(185)}.go.id`; // 254 characters

const calendar = new Calendar(INDONESIAN_HOLIDAYS);

/**
 * Every field set, even those no case holds at once (a rejection beside a closure, a letter's
 * reference beside an e-mail's receipt): an upper bound.
 */
const largestCase = (): Required<CaseRecord> => {
  const c = newCase({
    id: ULID,
    trackingCode: 'AAAA-BBBB-CCCCC',
    body: {
      channel: 'social_media',
      receivedAt: NOW,
      complainant: {
        name: text(200),
        idNumber: text(32),
        email: email(),
        phone: text(32),
        address: text(500),
      },
      identityHidden: true,
      confidential: true,
      subject: text(200),
      description: text(20_000),
      respondent: text(200),
      location: { province: text(100), regency: text(100) },
      externalRef: { system: text(40), id: text(100) },
    },
    now: new Date(NOW),
    verificationDueAt: new Date(NOW),
    imported: { rowKey: `letter:${text(200)}` },
  });
  return {
    ...c,
    status: 'in_follow_up',
    statusHistory: Array.from({ length: MAX_STATUS_HISTORY }, () => ({
      status: 'in_follow_up' as const,
      at: NOW,
    })),
    classification: { type: 'examination', category: text(100), note: text(2_000) },
    bulkMail: true,
    agencyDescription: text(20_000),
    agencyIds: Array.from({ length: REGISTERED_AGENCIES }, (_, i) => agencyId(i)),
    nextDueAt: NOW,
    closure: { outcome: 'unresolved', note: text(2_000), at: NOW },
    infoRequest: { missing: text(2_000), at: NOW },
    replyWindow: { opensAt: NOW, closesAt: NOW },
    replies: Array.from({ length: MAX_REPLIES }, () => ({
      satisfied: false,
      rating: 1,
      message: text(5_000),
      at: NOW,
    })),
    externalRef: { system: text(40), id: text(100) },
    imported: { at: NOW, rowKey: `letter:${text(200)}` },
    statusCount: 1_000_000,
    verificationFrom: NOW,
    legalLimitAt: NOW,
    rejection: { reason: text(2_000), note: text(2_000), at: NOW },
    agendaNumber: NUMBER,
    letter: { number: text(100), date: '2026-04-06', sender: text(200) },
    // An e-mail's receipt: its id and the 20 latest of its thread, each at most a mail line.
    mailReceipt: {
      to: email(),
      inReplyTo: `<${id(MAX_MESSAGE_ID_CHARS - 2)}>`,
      references: Array.from(
        { length: 20 },
        (_, i) => `<${String(i).padStart(2, '0')}${id(MAX_MESSAGE_ID_CHARS - 4)}>`,
      ),
      sentAt: NOW,
      givenUpAt: NOW,
      claimedUntil: NOW,
    },
    version: 1_000_000,
  };
};

const answeredRedirects = () =>
  Array.from({ length: REGISTERED_AGENCIES }, (_, i) => ({
    agencyId: agencyId(i),
    generation: 1_000,
  }));

/** Deadlines reaching 20 years past the calendar's last one: a warning per target and year. */
const WARNED_YEARS = 20;

/**
 * Every field set but `adjustments` (legacy, read only: histories are clock entries now),
 * `reforwardedAt` (a redirect answered by a re-forward is never settled too, and a date is
 * less than the settling's reason) and `withdrawnAt` (a redirected assignment was not
 * withdrawn, and a date is less than the settling's reason).
 */
type EveryField = AssignmentRecord &
  Required<Omit<AssignmentRecord, 'adjustments' | 'reforwardedAt' | 'withdrawnAt'>>;

const largestAssignment = (): EveryField => ({
  ...newAssignment({
    caseId: ULID,
    agencyId: agencyId(0),
    instructions: text(5_000),
    forwardedAt: new Date(NOW),
    forwardedBy: SUB,
    timeZone: 'Asia/Makassar',
    calendar,
    policyId: id(40),
    complaintType: 'examination',
    subject: text(200),
    workingDays: { acknowledge: 250, followUp: 250, resolution: 250 },
    previous: undefined,
  }),
  // Set by every forwarding (optional only on records older than them).
  complaintType: 'examination',
  subject: text(200),
  clock: { basis: 'inherited', from: NOW, inheritedFrom: agencyId(1) },
  // The redirects a re-forward answered: at most one per agency the case went to.
  reforwardOf: answeredRedirects(),
  delegatedTo: agencyId(2),
  delegatedAt: NOW,
  returnedAt: NOW,
  state: 'redirected',
  met: { acknowledge: NOW, followUp: NOW, resolution: null },
  acknowledgedBy: agencyId(4),
  pauses: [{ from: NOW, to: null, reason: text(2_000), by: SUB }],
  added: {
    extension: { acknowledge: 99_999, followUp: 99_999, resolution: 99_999 },
    pause: { acknowledge: 99_999, followUp: 99_999, resolution: 99_999 },
  },
  pauseCount: 100,
  paused: true,
  generation: 1_000,
  counted: COUNTS_ACKNOWLEDGEMENT,
  redirect: { reason: text(2_000), suggestedAgencyId: agencyId(3), at: NOW },
  // Central decided the redirect needs no re-forward, saying why (closing the case: so marked).
  redirectSettled: { at: NOW, reason: text(2_000) },
  endedByClose: true,
  calendarWarnings: (['acknowledge', 'followUp', 'resolution'] as const).flatMap((target) =>
    Array.from({ length: WARNED_YEARS }, (_, i) => ({
      target,
      year: 2027 + i,
      message: `calendar ${id(40)} has no holidays for ${2027 + i}: counted weekends only`,
    })),
  ),
  version: 1_000_000,
});

const largestAgency = (): Agency => ({
  id: agencyId(0),
  name: text(200),
  kind: 'local_government',
  focalPointId: agencyId(1),
  timeZone: 'Asia/Jayapura',
  contacts: Array.from({ length: 20 }, () => ({
    kind: 'liaison' as const,
    name: text(200),
    email: email(),
    role: text(100),
  })),
  createdAt: NOW,
  updatedAt: NOW,
  version: 1_000_000,
});

const largestPolicy = (): SlaPolicy => ({
  ...DEFAULT_POLICY,
  id: id(40),
  calendarId: id(40),
  // Twelve steps, each naming every party (more repeats only add to what the 1 MiB body allows,
  // and past 400 KB the store refuses the write).
  ladder: Array.from({ length: 12 }, (_, i) => ({
    name: `s${i}${id(38)}`,
    offsetWorkingDays: 60,
    relativeTo: 'previous' as const,
    action: 'central_intervention' as const,
    recipients: ['agency', 'agency_head', 'focal_point', 'central'] as const,
    cc: ['agency', 'agency_head', 'focal_point', 'central'] as const,
  })) as SlaPolicy['ladder'],
  version: 1_000_000,
  updatedAt: NOW,
});

/** Its state: an open episode of 12 rungs, and each of 12 warning steps having warned each target 20 times. */
const largestLadder = (): LadderRecord => ({
  caseId: ULID,
  agencyId: agencyId(0),
  generation: 1_000,
  token: 1_000_000,
  wakeAt: NOW,
  level: 12,
  rung: 'central_intervention',
  lastStepAt: NOW,
  state: {
    episode: {
      n: 1_000_000,
      startedAt: NOW,
      missedAt: NOW,
      level: 12,
      written: largestPolicy().ladder.map((step) => step.name),
      baseAt: NOW,
      parkedAt: NOW,
    },
    episodes: 1_000_000,
    endedAt: NOW,
    // Each target warned about MAX_WARNED (20) deadlines by each step.
    warned: Object.fromEntries(
      largestPolicy().ladder.map((step) => {
        const deadlines = Array.from({ length: 20 }, () => NOW);
        return [step.name, { acknowledge: deadlines, followUp: deadlines, resolution: deadlines }];
      }),
    ),
    observedAt: NOW,
  },
  updatedAt: NOW,
  version: 1_000_000,
});

const largestClockEntry = (): ClockEntry => ({
  caseId: ULID,
  agencyId: agencyId(0),
  generation: 1_000,
  id: ULID,
  kind: 'pause',
  workingDays: 99_999,
  targets: ['acknowledge', 'followUp', 'resolution'],
  at: NOW,
  reason: text(2_000),
  pause: { from: NOW, to: NOW, by: SUB },
});

const largestExtension = (): ExtensionRequestRecord => ({
  id: ULID,
  caseId: ULID,
  agencyId: agencyId(0),
  generation: 1_000,
  workingDays: 60,
  reason: text(2_000),
  status: 'approved',
  requestedBy: SUB,
  requestedAt: NOW,
  decidedBy: SUB,
  decidedAt: NOW,
  note: text(2_000),
  version: 2,
});

/** Reported: a cancelled one has its 2,000-character reason instead of the report, less. */
const largestActivity = (): ActivityRecord => ({
  id: ULID,
  caseId: ULID,
  kind: 'case_conference',
  status: 'done',
  scheduledAt: NOW,
  agencyIds: Array.from({ length: 18 }, (_, i) => agencyId(i)),
  participants: Array.from({ length: 50 }, () => text(200)),
  plan: text(5_000),
  heldAt: NOW,
  outcome: text(200),
  summary: text(20_000),
  createdBy: SUB,
  createdAt: NOW,
  updatedAt: NOW,
  version: 2,
});

/**
 * The largest events: an agency's answer (20,000 characters), and a forwarding that answered
 * a redirect of every agency (its `reforwardOf`); every other event carries less.
 */
const largestEvents = (): TimelineEvent[] => {
  const base = { id: ULID, caseId: ULID, at: NOW, agencyId: agencyId(0) };
  const a = largestAssignment();
  return [
    {
      ...base,
      type: 'response_submitted',
      actor: { sub: SUB, agency: agencyId(0), role: 'agency_coordinator' },
      data: { kind: 'progress', message: text(20_000) },
    },
    {
      ...base,
      type: 'assignment_forwarded',
      actor: { sub: SUB, agency: CENTRAL_TENANT, role: 'central_officer' },
      data: {
        generation: a.generation,
        clock: a.clock,
        reforwardOf: answeredRedirects(),
        due: a.due,
        timeZone: a.timeZone,
      },
    },
  ];
};
const largestOf = (items: Record<string, unknown>[]) =>
  items.reduce((max, item) => (itemSize(item) > itemSize(max) ? item : max));

/** A number from a 100-character pattern: 95 characters of text and `{seq}` past ten million. */
const NUMBER = `${text(95)}99999999`;

/** The unit's document settings at every limit: letterhead, signatory, 10 copy-to lines. */
const largestSettings = (): DocumentSettings => ({
  agendaNumberPattern: `${text(95)}{seq}`,
  letterNumberPattern: `${text(95)}{seq}`,
  letterhead: { ministry: text(200), unit: text(200), address: text(300), city: text(100) },
  signatory: { name: text(200), position: text(200), nip: '19700101 199503 1 001' },
  tembusan: Array.from({ length: 10 }, () => text(200)),
  version: 1_000_000,
  updatedAt: NOW,
});

/**
 * A letter with everything its delivery can add: attempted 1,000 times (the last error at its
 * 2,000), held, cancelled, sent again by central and marked handled (a note of 1,000).
 */
const delivered = (n: NotificationRecord): Required<NotificationRecord> => ({
  ...n,
  episode: 1_000_000,
  // The deadline of each of the three targets its lines name.
  named: { acknowledge: NOW, followUp: NOW, resolution: NOW },
  sentAt: NOW,
  attempts: 1_000,
  lastError: text(2_000),
  nextAttemptAt: NOW,
  document: n.document!,
  letterNumber: n.letterNumber!,
  // The date a ladder letter bears (a forwarding letter has none: counted anyway).
  datedOn: n.datedOn ?? '2026-04-13',
  // An invitation letter's activity (a ulid: counted on every letter).
  activityId: n.activityId ?? '01JQ0000000000000000000000',
  handled: { at: NOW, note: text(1_000) },
  resentAt: NOW,
  heldUntil: NOW,
  cancelled: { at: NOW, reason: 'targets_met' },
  // Every address refused, each with the mail service's words at their longest.
  refusedAddresses: [...n.recipients, ...n.cc].map((address) => ({
    address,
    reason: text(REFUSAL_REASON_MAX),
  })),
  // Sent again after reaching some: at most every address it has (those still its parties').
  reached: [...n.recipients, ...n.cc],
});

/**
 * The largest ladder letter: the longest subject and names, addressed to an agency's 20
 * contacts (liaisons and heads) and the 20 liaisons of its focal point and of central, with
 * its PDF document.
 */
const largestLadderLetter = (): Required<NotificationRecord> => {
  const agency = largestAgency();
  const party = (i: number): Agency => ({
    ...agency,
    id: agencyId(i),
    contacts: agency.contacts.map((c, j) => ({
      ...c,
      email: `${i}.${j}.${email()}`.slice(0, 254),
    })),
  });
  const step = largestPolicy().ladder[0]!;
  const parties = {
    agency: {
      ...party(0),
      contacts: party(0).contacts.map((c, i) => ({
        ...c,
        kind: i % 2 ? ('head' as const) : ('liaison' as const),
      })),
    },
    focalPoint: party(1),
    central: party(2),
  };
  const letter = composeLetter({
    event: {
      id: `${step.name}#1000000`,
      step: step.name,
      action: step.action,
      at: NOW,
      scheduledAt: NOW,
      targets: ['acknowledge', 'followUp', 'resolution'],
      level: 12,
      episode: 1_000_000,
    },
    step,
    steps: largestPolicy().ladder,
    case: largestCase(),
    assignment: largestAssignment(),
    parties,
    calendar,
  });
  return delivered({
    id: ULID,
    caseId: ULID,
    agencyId: agencyId(0),
    generation: 1_000,
    stepId: `${step.name}@${NOW}`,
    step: step.name,
    action: step.action,
    target: 'acknowledge',
    targets: ['acknowledge', 'followUp', 'resolution'],
    channel: 'email',
    recipients: letter.to,
    cc: letter.cc,
    status: 'pending',
    subject: letter.subject,
    body: letter.body,
    scheduledAt: NOW,
    createdAt: NOW,
    sentAt: NOW,
    attempts: 1_000,
    lastError: null,
    letterNumber: NUMBER,
    document: ladderLetterDocument({
      letter,
      case: largestCase(),
      assignment: largestAssignment(),
      agency: parties.agency,
      settings: largestSettings(),
      number: NUMBER,
      now: new Date(NOW),
      // With its step, as the Tick writes it: its Sifat, "u.p." and the focal point copied.
      step,
      focalPoint: parties.focalPoint,
    }),
  });
};

/**
 * The largest forwarding letter: to an agency's 20 liaisons (names of 200), its PDF document
 * at every limit: the incoming letter's number and sender and the complainant's name and
 * address (identity not hidden), the description's 4,000-character summary, 5,000 characters
 * of instructions, the case's 30 attachments with names of 200, the longest letterhead,
 * signatory and 10 copy-to lines.
 */
const largestForwardingLetter = (): Required<NotificationRecord> => {
  const c: CaseRecord = {
    ...largestCase(),
    identityHidden: false,
    agendaNumber: NUMBER,
    letter: { number: text(100), date: '2026-04-06', sender: text(200) },
  };
  const attachments = Array.from({ length: 30 }, (_, i): AttachmentRecord => ({
    id: `${ULID}${i}`,
    caseId: ULID,
    key: id(100),
    name: text(200),
    declaredSize: 1,
    size: 1,
    contentType: 'application/pdf',
    sha256: id(64),
    status: 'available',
    refusal: null,
    visibility: 'agencies',
    attachedTo: { kind: 'case', agencyId: null, activityId: null },
    uploadedBy: { sub: SUB, agency: CENTRAL_TENANT },
    createdAt: NOW,
    completedAt: NOW,
    updatedAt: NOW,
    version: 1,
  }));
  const { notification } = forwardingLetterWrite({
    case: c,
    assignment: largestAssignment(),
    agency: largestAgency(),
    settings: largestSettings(),
    number: NUMBER,
    attachments,
    now: new Date(NOW),
  });
  return delivered(notification);
};

/** The largest letter, as the table stores it (a forwarding letter: its document is longer). */
const largestNotification = (): Required<NotificationRecord> =>
  [largestLadderLetter(), largestForwardingLetter()].reduce((max, n) =>
    itemSize(notificationItem(n)) > itemSize(notificationItem(max)) ? n : max,
  );

/**
 * The largest stored response: forwarding to 18 agencies at once (the most one request may),
 * each with 5,000 characters of instructions and the longest policy (250 working days, into
 * years the calendar does not cover). A case, an activity or an agency as created is smaller.
 */
const largestIdempotency = (): IdempotencyRecord => {
  const forwarded = Array.from({ length: 18 }, (_, i) =>
    viewAssignment(
      newAssignment({
        caseId: ULID,
        agencyId: agencyId(i),
        instructions: text(5_000),
        forwardedAt: new Date('2026-12-31T03:00:00.000Z'),
        forwardedBy: SUB,
        timeZone: 'Asia/Makassar',
        calendar,
        policyId: id(40),
        complaintType: 'examination',
        subject: text(200),
        workingDays: { acknowledge: 250, followUp: 250, resolution: 250 },
        previous: undefined,
      }),
      new Date(NOW),
      { central: true }, // the forward's answer, central's
    ),
  );
  const body = { items: forwarded };
  const others = [
    viewCase(largestCase(), [], new Date(NOW), { central: true }),
    viewActivity(largestActivity(), new Date(NOW), text(200)),
    largestAgency(),
  ];
  for (const other of others) expect(itemSize({ body: other })).toBeLessThan(itemSize({ body }));
  return {
    tenant: CENTRAL_TENANT,
    key: '~'.repeat(255),
    fingerprint: 'x'.repeat(43),
    body,
    createdAt: NOW,
  };
};

const statsItem = () => ({
  ...keys.statsBucket(agencyId(0), '2026-04-06'),
  entity: 'stats_day',
  agencyId: agencyId(0),
  date: '2026-04-06',
  ...Object.fromEntries(
    [
      'assigned',
      'redirected',
      'withdrawn',
      'responded',
      'respondedOnTime',
      'acknowledged',
      'acknowledgedOnTime',
      'completed',
    ].map((k) => [k, 1e12]),
  ),
  ...Object.fromEntries(Array.from({ length: MAX_HISTOGRAM_DAYS + 1 }, (_, i) => [`h${i}`, 1e12])),
});

/**
 * A file given up: its name at 200, its content a type refused (the longest MIME type
 * `file-type` names, 73 characters: the refusal repeats the name and the type), then the scan's
 * verdict too (a file the type check refuses is never scanned: an upper bound), attached to an
 * agency's response and an activity at once, its checked copy's key.
 */
const largestAttachment = () => {
  const uploaded = newAttachment({
    id: ULID,
    caseId: ULID,
    body: { name: text(MAX_FILE_NAME), size: 20 * 1024 * 1024 },
    attachedTo: { kind: 'response', agencyId: agencyId(0), activityId: id(64) },
    visibility: 'agencies',
    uploadedBy: { sub: SUB, agency: agencyId(0) },
    now: new Date(NOW),
  });
  const { record } = completeAttachment(
    uploaded,
    { mime: id(73), size: 20 * 1024 * 1024, sha256: id(64) },
    new Date(NOW),
  );
  return { ...record, key: checkedKey(ULID, ULID, id(64)), scan: 'unscannable' as const };
};

/**
 * A case whose search tokens fill `MAX_TOKEN_BYTES`: one word of 233 Javanese characters (699
 * bytes, 700 with its separator) in both lists, the agencies' words (the text restated for them)
 * and central's names (the complainant's own text), so the posting carries it twice. Its other
 * fields hold one-letter words, which are not indexed (a subject's 200 characters are one
 * shorter word).
 */
const caseOfLargestTokens = (): CaseRecord => {
  const c = largestCase();
  const word = text((MAX_TOKEN_BYTES - 1) / 3);
  return {
    ...c,
    subject: 'ꦗ ꦗ',
    respondent: 'ꦗ',
    location: { province: 'ꦗ', regency: 'ꦗ' },
    complainant: { ...c.complainant!, name: 'ꦗ' },
    // Restated (so central alone searches the complainant's own text), by a letter.
    description: `${word} ꦗ`,
    agencyDescription: word,
  };
};

/** The search index's items a new case writes: its postings and its lookups. */
const indexItems = (c: CaseRecord) =>
  indexWrites('table', new SearchKeys('key'), null, c).flatMap((w) =>
    w.Put?.Item ? [w.Put.Item] : [],
  );

/**
 * A focal point's queue merging 1,000 member units' (every agency registered): a position per
 * unit, its queue index's key, case ids as random as ULIDs are (deflating compresses them
 * least). Past 400 KB, `encodeCursor` refuses the list (`limit_exceeded`) before writing.
 */
const largestKeptCursor = () => {
  const caseId = (i: number) => createHash('sha256').update(String(i)).digest('base64url');
  const positions = Array.from({ length: REGISTERED_AGENCIES }, (_, i) => ({
    ...keys.assignment(caseId(i), agencyId(i)),
    gsi1pk: keys.queue(agencyId(i), 'open'),
    gsi1sk: `${NOW}#${caseId(i)}`,
  }));
  return keptCursorItem('0'.repeat(36), JSON.stringify(positions), Date.parse(NOW));
};

/**
 * A member unit's give-backs (the longest scope and reason) by a principal of 200, stopped
 * with its 300-character error and superseded at once (an upper bound), its listing at a
 * delegated state's cursor: a cursor inline (past `INLINE_CURSOR_CHARS` a kept one's id).
 */
const largestJob = (): RearmJobRecord => ({
  id: ULID,
  scope: { kind: 'member', memberId: agencyId(0), focalPointId: agencyId(1) },
  // The longest reason an edit gives: a moved unit's two focal points (a calendar's days give
  // its id, two dates and a count).
  reason: { focalPointId: agencyId(1), formerFocalPointId: agencyId(2) },
  requestedBy: { sub: SUB, agency: CENTRAL_TENANT, role: 'central_admin' },
  state: 'failed',
  total: 1e12,
  done: 1e12,
  failed: 1e12,
  moved: 1e12,
  skipped: 1e12,
  chunks: 1e12,
  cursor: `9:${id(INLINE_CURSOR_CHARS)}`,
  supersededBy: ULID,
  error: text(300),
  createdAt: NOW,
  updatedAt: NOW,
  finishedAt: NOW,
});

const ENTITIES: [string, () => Record<string, unknown>][] = [
  ['case', () => caseItem(largestCase())],
  ['assignment', () => assignmentItem(largestAssignment())],
  ['clock entry (an extension or ended pause)', () => clockEntryItem(largestClockEntry())],
  ['ladder', () => ladderItem(largestLadder())],
  ['ladder step taken', () => ladderStepItem(largestNotification(), `${id(40)}@${NOW}`)],
  ['extension request', () => extensionItem(largestExtension())],
  ['monitoring activity', () => activityItem(largestActivity())],
  [
    'activity invitation',
    () =>
      invitationItem({
        caseId: ULID,
        activityId: ULID,
        agencyId: agencyId(0),
        kind: 'initial_evaluation',
        scheduledAt: NOW,
      }),
  ],
  [
    'activity invitation held by a member unit',
    () =>
      invitationItem({
        caseId: ULID,
        activityId: ULID,
        agencyId: agencyId(0),
        kind: 'initial_evaluation',
        scheduledAt: NOW,
        via: agencyId(1),
      }),
  ],
  ['timeline event', () => largestOf(largestEvents().map(eventItem))],
  ['notification (letter)', () => notificationItem(largestNotification())],
  ['idempotency record', () => idempotencyItem(largestIdempotency())],
  ['agency', () => agencyItem(largestAgency())],
  // The name in clear in the key: at most 200 characters of 3 bytes.
  ['agency name claim', () => agencyNameItem(largestAgency())],
  ['SLA policy', () => policyItem(largestPolicy())],
  [
    'calendar day',
    () =>
      calendarDayItem(id(40), { date: '2026-04-06', kind: 'collective_leave', name: text(200) }),
  ],
  ['tracking code', () => trackingCodeItem(largestCase())],
  // The value is hashed into the key: a 998-character Message-ID makes the same size.
  ['unique claim', () => claimItem(largestCase(), { kind: 'message_id', value: text(998) })],
  ['statistics counters (a day or a month)', statsItem],
  ['attachment', () => attachmentItem(largestAttachment())],
  ['document settings', () => documentSettingsItem(largestSettings())],
  ['number sequence', () => sequenceItem(sequenceName('letter', '9999-12-31'), 1e12)],
  [
    'letter share',
    () =>
      letterShareItem(
        { caseId: ULID, agencyId: agencyId(0), memberId: agencyId(1) },
        { id: ULID, createdAt: NOW, bytes: 1e12, cancelled: true },
      ),
  ],
  ['search posting', () => largestOf(indexItems(caseOfLargestTokens()))],
  [
    'search lookup',
    () => largestOf(indexItems(largestCase()).filter((item) => item.entity === 'lookup')),
  ],
  ['calendar year', () => calendarYearItem(id(40), 9999)],
  [
    'settings version',
    () => ({ ...keys.settingsVersion, entity: 'settings_version', version: 1e12 }),
  ],
  ['kept cursor', largestKeptCursor],
  ['re-arming job', () => jobItem(largestJob())],
  ['re-arming job scope', () => jobScopeItem(largestJob())],
  [
    're-arming job chunk',
    // A chunk closes at CHUNK_SIZE refs, and one worklist page (100) may take it from 99 to 199.
    () =>
      jobChunkItem({
        jobId: ULID,
        index: 999_999,
        refs: Array.from({ length: 2 * CHUNK_SIZE - 1 }, (_, i) => ({
          caseId: ULID,
          agencyId: agencyId(i),
        })),
      }),
  ],
  [
    're-arming job failure',
    () =>
      jobFailureItem(ULID, {
        caseId: ULID,
        agencyId: agencyId(0),
        code: [...ERROR_CODES].sort((a, b) => b.length - a.length)[0]!,
        // `failureOf` keeps 300 UTF-16 units of a domain error's message.
        message: text(300),
        at: NOW,
      }),
  ],
  ['upgrade marker', () => upgradeItem(1e12, ULID, new Date(NOW))],
];

/**
 * Every `entity` tag the store's source writes: in an item (`entity: 'x'`) or an update's values
 * (`':entity': 'x'`), in any file of this directory but the tests.
 */
const writtenTags = (): string[] => {
  const dir = new URL('.', import.meta.url);
  const tags = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.includes('.test.')))
    for (const m of readFileSync(new URL(file, dir), 'utf8').matchAll(
      /(?:\bentity|':entity'):\s*'([a-z_]+)'/g,
    ))
      tags.add(m[1]!);
  return [...tags].sort();
};

describe('the measured table', () => {
  it('measures every entity the store writes (a new one needs its row)', () => {
    const measured = new Set(ENTITIES.map(([, build]) => build().entity));
    expect(writtenTags()).toContain('case'); // the scan finds what it should
    expect(writtenTags().filter((tag) => !measured.has(tag))).toEqual([]);
  });
});

describe('the measure', () => {
  it('counts names and values as DynamoDB documents it', () => {
    expect(itemSize({ pk: 'ab' })).toBe(4);
    expect(itemSize({ s: 'ꦗ' })).toBe(1 + 3);
    expect(itemSize({ n: 12345 })).toBe(1 + 4); // 3 bytes for 5 digits, plus 1
    expect(itemSize({ b: true, z: null })).toBe(2 + 2);
    expect(itemSize({ l: ['a', 'b'] })).toBe(1 + 3 + 2 * (1 + 1));
    expect(itemSize({ m: { k: 'v' } })).toBe(1 + 3 + (1 + 1 + 1));
    expect(itemSize({ gone: undefined })).toBe(0);
  });
});

describe('the largest builds', () => {
  it('carry every field that grows their items', () => {
    expect(largestAssignment().redirectSettled?.reason).toHaveLength(2_000);
    expect(largestCase().agencyDescription).toHaveLength(20_000);
    expect(largestNotification().document).toBeDefined();
    const posting = largestOf(indexItems(caseOfLargestTokens()));
    expect(posting.entity).toBe('posting');
    // Both lists at the tokens' bound (its separator aside).
    for (const list of [posting.w, posting.n])
      expect(Buffer.byteLength(String(list))).toBe(MAX_TOKEN_BYTES - 1);
    expect(largestAttachment().refusal).toContain(largestAttachment().name);
  });
});

describe('the largest item each entity can reach', () => {
  const rows: string[] = [];
  it.each(ENTITIES)('%s stays under 400 KB', (name, build) => {
    const size = itemSize(build());
    rows.push(`| ${name} | ${(size / 1024).toFixed(1)} KB |`);
    expect(size).toBeLessThan(MAX_ITEM_BYTES);
  });
  it('prints the table', () => {
    console.log(['| entity | largest item |', '|---|---|', ...rows].join('\n'));
    expect(rows).toHaveLength(ENTITIES.length);
  });
});
