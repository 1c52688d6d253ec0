/**
 * Registering a case: the one path every channel takes (the officer's form, the public
 * complaint form, e-mail, a spreadsheet import). Each lands in `received`, for central to
 * verify; none skips verification. Whatever the case's transaction must also hold (its
 * unique claims, and anything written alongside every new case) is written here, once.
 */
import { newUlid } from '../ids.ts';
import { computeDeadline, DEFAULT_TIME_ZONE } from '../calendar.ts';
import { type CaseRecord, letterAfterReceipt, newCase, type Registration } from '../case.ts';
import { DomainError, invalidInput } from '../errors.ts';
import { LETTER_AFTER_RECEIPT } from '../schemas/documents.ts';
import {
  type CaseChange,
  type IdempotencyRecord,
  type UniqueClaim,
  WriteConflict,
} from '../ports.ts';
import { type Actor, newEventId } from '../timeline.ts';
import { newTrackingCode } from '../tracking-code.ts';
import { AgendaTurns, lostAgendaRace } from '../documents/agenda.ts';
import type { AttachmentRecord } from '../documents/attachments.ts';
import { calendarById, defaultPolicy, type ServiceDeps } from './kernel/index.ts';

const MAX_ATTEMPTS = 5;

export interface RegisterOptions {
  /** Who registered it: an officer, or `{ system: 'intake' }` for a channel without a user. */
  readonly actor: Actor;
  /** Values only this case may hold, besides its external reference. */
  readonly claims?: readonly UniqueClaim[];
  /**
   * A row of a spreadsheet import: the case keeps the register's `receivedAt`, but central's
   * verification clock starts at the import, so no deadline (and no letter) falls on an
   * instant before the case was in Pantau.
   */
  readonly imported?: { readonly rowKey: string };
  /** Facts about the intake for the `case_registered` event; never identity (agencies read it). */
  readonly note?: Readonly<Record<string, unknown>>;
  /** The case's id, drawn by the caller when it stores files under it first. */
  readonly id?: string;
  /** Attachments written with the case (their bytes stored already): all of them, or no case. */
  readonly attachments?: (c: CaseRecord, now: Date) => readonly AttachmentRecord[];
  /** An e-mail complainant's receipt, pending, written with the case (`mail-receipt.ts`). */
  readonly mailReceipt?: CaseRecord['mailReceipt'];
  /** An e-mail that came as bulk mail (a newsletter, a list's): marked on the case for central. */
  readonly bulkMail?: boolean;
  /** The idempotency record to commit with the case (the officer's `Idempotency-Key`). */
  readonly remember?: (c: CaseRecord, now: Date) => IdempotencyRecord | undefined;
}

/** A unique value (an external reference, a Message-ID, a row key) another case holds. */
export class AlreadyRegistered extends DomainError {
  readonly claim: UniqueClaim;
  readonly caseId: string;

  constructor(claim: UniqueClaim, caseId: string) {
    super('already_exists', `${describe(claim)} is already registered as case ${caseId}`);
    this.claim = claim;
    this.caseId = caseId;
  }
}

const describe = (claim: UniqueClaim): string =>
  ({
    external_ref: `external reference ${claim.value}`,
    // These two values hold the sender's address, or the register's name and subject: an
    // error's message may end in a log (the Lambda runtime logs what a handler throws), and
    // identity never does.
    message_id: 'this e-mail',
    import_row: 'this import row',
    proof_of_work: 'this proof of work',
  })[claim.kind];

/** The claim an external reference makes: `system:id`, so the pair is unique. */
export const externalRefClaim = (ref: { system: string; id: string }): UniqueClaim => ({
  kind: 'external_ref',
  value: `${ref.system}:${ref.id}`,
});

/**
 * Creates the case in `received`, with its tracking code, unique claims and
 * `case_registered` event in one transaction. A claim another case holds is an
 * `AlreadyRegistered` naming that case (409).
 */
/** The deadline to verify and forward a complaint received at `from` (central's working days). */
export async function verificationDeadline(deps: ServiceDeps, from: Date): Promise<Date> {
  const policy = await defaultPolicy(deps);
  const calendar = await calendarById(deps, policy.calendarId);
  return computeDeadline(calendar, from, policy.verificationWorkingDays, DEFAULT_TIME_ZONE).dueAt;
}

export async function registerCase(
  deps: ServiceDeps,
  input: Registration,
  options: RegisterOptions,
): Promise<CaseRecord> {
  const now = deps.clock();
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  if (receivedAt.getTime() > now.getTime())
    throw invalidInput('receivedAt', 'must not be in the future');
  if (input.letter && letterAfterReceipt(input.letter.date, receivedAt))
    throw invalidInput('letter.date', LETTER_AFTER_RECEIPT);
  const verificationDue = await verificationDeadline(deps, options.imported ? now : receivedAt);
  const claims = [
    ...(input.externalRef ? [externalRefClaim(input.externalRef)] : []),
    ...(options.claims ?? []),
  ];
  // Drawn once: a failed attempt wrote nothing, and files may be stored under it already.
  const id = options.id ?? newUlid();
  // Without a Service's turns (a use case called with bare deps), every claim reads the counter.
  const turns = deps.agendaTurns ?? new AgendaTurns();
  for (let attempt = 1; ; attempt += 1) {
    try {
      // The unit's agenda number, claimed in the same transaction as the case (gapless per year).
      return await turns.commit(deps.store, now, (agendaNumber) => {
        const c = newCase({
          id,
          trackingCode: newTrackingCode(),
          body: input,
          now,
          verificationDueAt: verificationDue,
          imported: options.imported,
          agendaNumber,
        });
        const written = {
          ...c,
          ...(options.mailReceipt ? { mailReceipt: options.mailReceipt } : {}),
          ...(options.bulkMail ? { bulkMail: true } : {}),
        };
        const change: CaseChange = {
          case: { record: written, expectedVersion: null },
          claims,
          events: [
            {
              id: newEventId(now),
              caseId: c.id,
              at: now.toISOString(),
              type: 'case_registered',
              actor: options.actor,
              agencyId: null,
              data: {
                channel: c.channel,
                subject: c.subject,
                ...(c.externalRef ? { externalRef: c.externalRef } : {}),
                ...options.note,
              },
            },
          ],
          idempotency: options.remember?.(c, now),
          attachments: (options.attachments?.(c, now) ?? []).map((record) => ({
            record,
            expectedVersion: null,
          })),
        };
        return { change, result: written };
      });
    } catch (error) {
      if (error instanceof WriteConflict && error.kind === 'claimed') {
        throw (await takenClaim(deps, claims)) ?? error;
      }
      // A tracking-code collision (1 in 2^65 per pair) just draws again.
      if (error instanceof WriteConflict && error.kind === 'unique' && attempt < MAX_ATTEMPTS)
        continue;
      // Another registration took this agenda number first: take the next one.
      if (await lostAgendaRace(error, attempt)) continue;
      throw error;
    }
  }
}

/** Which of the claims another case holds (the transaction says only that one did). */
async function takenClaim(
  deps: ServiceDeps,
  claims: readonly UniqueClaim[],
): Promise<AlreadyRegistered | undefined> {
  for (const claim of claims) {
    const caseId = await deps.store.findClaim(claim);
    if (caseId) return new AlreadyRegistered(claim, caseId);
  }
  return undefined;
}
