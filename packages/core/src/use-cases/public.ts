/** The complainant's side, by tracking code alone: the tracking page and the reply. */
import { calledOffByClose, calledOffWrites, closingRuns, holdersOf } from '../activity.ts';
import { repliedAlready, reply as replyTo } from '../case.ts';
import {
  agencyRequestsOf,
  answersDueBy,
  answersFrom,
  TRACKING_ANSWERS,
  viewTracking,
} from '../case-view.ts';
import { DEFAULT_DOCUMENT_SETTINGS } from '../documents/letter-document.ts';
import { notFound } from '../errors.ts';
import type { CaseBundle } from '../ports.ts';
import { CLOSED_SATISFIED_NOTE, type ReplyInput } from '../schemas.ts';
import { CENTRAL_TENANT } from '../tenancy.ts';
import { newEventId } from '../timeline.ts';
import { normalizeTrackingCode } from '../tracking-code.ts';
import { loadCase, put, retryOnConflict, type ServiceDeps } from './kernel/index.ts';
import { withCancellationLetters } from './invitation-letters.ts';

/**
 * The public tracking page: status steps, the agencies' answers by agency name and date,
 * what central asks the complainant to send; nothing about who they are.
 */
export async function track(deps: ServiceDeps, code: string) {
  const normalized = normalizeTrackingCode(code);
  const caseId = normalized && (await deps.store.findCaseIdByTrackingCode(normalized));
  const bundle = caseId ? await deps.store.getCase(caseId) : undefined;
  if (!bundle) throw notFound('tracking code');
  return trackingView(deps, bundle, deps.clock());
}

/**
 * The complainant replies to the final answer through the tracking code: satisfied closes
 * the case, not satisfied reopens it to central. Only inside the reply window (else 409).
 */
export async function reply(deps: ServiceDeps, code: string, input: ReplyInput) {
  const normalized = normalizeTrackingCode(code);
  const caseId = normalized && (await deps.store.findCaseIdByTrackingCode(normalized));
  if (!caseId) throw notFound('tracking code');
  return retryOnConflict(async () => {
    const bundle = await loadCase(deps, caseId);
    const now = deps.clock();
    const given = {
      satisfied: input.satisfied,
      rating: input.rating,
      message: input.message ?? null,
    };
    if (repliedAlready(bundle.case, given)) return trackingView(deps, bundle, now);
    const next = replyTo(bundle.case, given, now);
    const actor = { complainant: true as const };
    // Satisfied closes the case: what was planned for it and not yet held is called off, with
    // a letter to each agency its invitation letter went to (the letters are Pantau's on
    // central's behalf, not the complainant's).
    const { runs, withClose: calledOff } = closingRuns(
      next.status === 'closed'
        ? await withCancellationLetters(
            deps,
            bundle,
            calledOffByClose(
              bundle.activities,
              `Pengaduan ditutup: ${next.closure?.note}`,
              actor,
              now,
              holdersOf(bundle.assignments),
            ),
            { system: 'escalation' },
            now,
          )
        : { activities: [], events: [] },
    );
    for (const run of runs) await deps.store.commit(calledOffWrites(run));
    const { activities, events, letters } = calledOffWrites(calledOff);
    await deps.store.commit({
      case: put(bundle.case, next),
      ...(activities.length > 0 ? { activities } : {}),
      ...(letters.length > 0 ? { letters } : {}),
      events: [
        {
          id: newEventId(now),
          caseId,
          at: now.toISOString(),
          type: 'complainant_replied',
          actor,
          agencyId: null,
          data: {
            satisfied: input.satisfied,
            rating: input.rating,
            message: input.message ?? null,
          },
        },
        {
          id: newEventId(now),
          caseId,
          at: now.toISOString(),
          type: 'case_status_changed',
          actor,
          agencyId: null,
          data: { from: bundle.case.status, to: next.status },
        },
        // Satisfied: the close, as central's close and the reply window's end note theirs (a
        // code the console says in words, and its sentence in Indonesian). Nothing of the
        // reply itself: its rating and words are the `complainant_replied` event's.
        ...(next.status === 'closed'
          ? [
              {
                id: newEventId(now),
                caseId,
                at: now.toISOString(),
                type: 'case_closed' as const,
                actor,
                agencyId: null,
                data: {
                  outcome: 'resolved',
                  code: 'closed_satisfied',
                  reason: CLOSED_SATISFIED_NOTE,
                },
              },
            ]
          : []),
        ...events,
      ],
    });
    return trackingView(deps, { ...bundle, case: put(bundle.case, next).record }, now);
  });
}

async function trackingView(deps: ServiceDeps, bundle: CaseBundle, now: Date) {
  const c = bundle.case;
  // Each agency that completed its assignment gave a final answer: the one the complainant
  // rates, shown however many answers came after it.
  const finalsOf = new Set(
    bundle.assignments.filter((a) => a.state === 'completed').map((a) => a.agencyId),
  );
  // What agencies waiting for the complainant ask of them (a confidential report: nothing).
  const requests = c.confidential ? [] : agencyRequestsOf(bundle.assignments);
  // Central's contact beside it: where to send what was asked, or to ask, add or withdraw;
  // while something is asked, the unit's postal address too (a web form's complainant has no
  // other address to send a letter to).
  const asked = c.status === 'needs_info' || requests.length > 0;
  const [answers, sendTo, postalAddress, names] = await Promise.all([
    c.confidential ? { items: [], earlier: false } : answersOf(deps, c.id, finalsOf),
    centralContact(deps),
    asked ? centralPostalAddress(deps) : undefined,
    agencyNames(
      deps,
      requests.map((r) => r.agencyId),
    ),
  ]);
  return viewTracking(c, now, {
    answers: answers.items,
    earlierAnswers: answers.earlier,
    sendTo,
    ...(postalAddress ? { postalAddress } : {}),
    // Computed from the assignments at each request, never stored: an extension moves it.
    answersDueBy: answersDueBy(bundle.assignments),
    agencyRequests: requests.map(({ agencyId, asked, askedAt }) => ({
      agencyName: names.get(agencyId) ?? agencyId,
      asked,
      askedAt,
    })),
  });
}

/** Agencies' names by id, each read once (one removed since goes by its id). */
async function agencyNames(deps: ServiceDeps, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  const agencies = await Promise.all(unique.map((id) => deps.store.getAgency(id)));
  return new Map(unique.map((id, i) => [id, agencies[i]?.name ?? id]));
}

/** The unit's name and address as its letters head them (the defaults until saved). */
async function centralPostalAddress(deps: ServiceDeps): Promise<string> {
  const { letterhead } = (await deps.store.getDocumentSettings()) ?? DEFAULT_DOCUMENT_SETTINGS;
  return `${letterhead.unit}, ${letterhead.address}`;
}

/**
 * The latest `TRACKING_ANSWERS` answers the agencies gave on a case, and each final answer of
 * `finalsOf` older than those, oldest first, from its timeline (responses are recorded there
 * and nowhere else); agency names read once each. Issue 17: not every answer. A public request
 * read the whole timeline and sent every answer back (20,000 characters each): about 300 of
 * them passed what a Lambda can return.
 */
async function answersOf(deps: ServiceDeps, caseId: string, finalsOf: ReadonlySet<string>) {
  const latest = await deps.store.latestResponses(caseId, TRACKING_ANSWERS, finalsOf);
  const events = [...latest.items].sort((a, b) => a.id.localeCompare(b.id));
  const names = await agencyNames(
    deps,
    events.flatMap((e) => (e.agencyId === null ? [] : [e.agencyId])),
  );
  return { items: answersFrom(events, (id) => names.get(id) ?? id), earlier: latest.earlier };
}

/**
 * Where a complainant sends what central asked for: the central unit's first liaison (the
 * people who answer the public), not its head's address, whatever the order they were listed in.
 */
async function centralContact(deps: ServiceDeps) {
  const contacts = (await deps.store.getAgency(CENTRAL_TENANT))?.contacts ?? [];
  const contact = contacts.find((c) => c.kind === 'liaison') ?? contacts[0];
  return contact ? { name: contact.name, email: contact.email } : null;
}
