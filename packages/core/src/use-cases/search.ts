/**
 * Search: central finds any case by an identifier (tracking code, agenda or letter number,
 * external reference, NIK, phone, e-mail) or by words; an agency finds by words only, among
 * the cases it has (had) an assignment on, not those where its part ended without its doing the
 * work (`partEndedAt`), and never by the complainant's name or identity.
 */
import { DEFAULT_TIME_ZONE, endOfLocalDay, startOfLocalDay } from '../calendar.ts';
import type { AssignmentRecord } from '../assignment.ts';
import { type CaseRecord, partEndedAt } from '../case.ts';
import { viewCase } from '../case-view.ts';
import { invalidInput } from '../errors.ts';
import type { Page, PageRequest } from '../ports.ts';
import type { SearchFilter, SearchHit } from '../schemas.ts';
import { type LookupField, lookupKeysOf } from '../search/document.ts';
import { holdsAll, parseQuery } from '../search/query.ts';
import { isCentral, type Principal } from '../tenancy.ts';
import {
  AGENCY_ROLES,
  CENTRAL_ROLES,
  focalPointOf,
  readerAgencies,
  requireRole,
  type ServiceDeps,
} from './kernel/index.ts';

/**
 * Identifier matches page on with `i.<store cursor>`; word pages with `w.<store cursor>`, and
 * `w.` alone starts the words after a full page of identifier matches.
 */
const IDENTIFIERS = 'i.';
const WORDS = 'w.';

/**
 * Identifier matches per page at most. A page of them is whole cases read by id, not a list the
 * store pages by bytes: a case of 20,000 characters takes up to about 140 KB in Lambda's
 * response envelope (each control character written as `\\u0001`, 7 bytes), so 30 of them stay
 * under the 6,291,556 bytes a response can carry (4.2 MB), where 100 (one e-mail address that
 * sent a hundred such complaints) did not. The page says it goes on, as any short page does.
 */
export const IDENTIFIER_PAGE = 30;

export async function search(
  deps: ServiceDeps,
  p: Principal,
  filter: SearchFilter,
  /**
   * `trackingCodes: false`: a query is never looked up as a tracking code (a query string's
   * search, `GET /v1/search`: a code in a URL is logged where it passes, so that route finds
   * none, and a phrase of 13 letters that could be one is searched as the words it is).
   */
  options: { readonly trackingCodes?: boolean } = {},
): Promise<Page<SearchHit>> {
  requireRole(p, [...CENTRAL_ROLES, ...AGENCY_ROLES]);
  if (filter.from && filter.to && filter.from > filter.to)
    throw invalidInput('from', 'must not be after to');
  if (
    filter.cursor !== undefined &&
    !filter.cursor.startsWith(WORDS) &&
    !filter.cursor.startsWith(IDENTIFIERS)
  )
    throw invalidInput('cursor', 'not a cursor of this list');
  const now = deps.clock();
  const parsed = parseQuery(filter.q);
  const query = options.trackingCodes === false ? { ...parsed, trackingCode: undefined } : parsed;
  const received =
    filter.from || filter.to
      ? {
          from: startOfLocalDay(filter.from ?? '1970-01-01', DEFAULT_TIME_ZONE),
          to: endOfLocalDay(filter.to ?? '9999-12-31', DEFAULT_TIME_ZONE),
        }
      : undefined;
  const central = isCentral(p);
  const scope = central ? undefined : await agencyVisibility(deps, p);
  // An agency's filter matches the agencies it may see on a case (those its hit lists), never
  // another's: which of its cases that agency also has is not its to learn.
  const agencyMatches = (c: CaseRecord, agencyId: string) =>
    c.agencyIds.includes(agencyId) && (!scope || scope.agencies.has(agencyId));
  const passes = (c: CaseRecord) =>
    (!filter.status || c.status === filter.status) &&
    (!filter.agencyId || agencyMatches(c, filter.agencyId)) &&
    (!filter.type || c.classification?.type === filter.type) &&
    (!received ||
      (Date.parse(c.receivedAt) >= received.from.getTime() &&
        Date.parse(c.receivedAt) <= received.to.getTime()));
  const view = (c: CaseRecord, matchedBy: SearchHit['matchedBy']): SearchHit => ({
    ...viewCase(
      c,
      [],
      now,
      scope ? { central: false, agencies: scope.agencies } : { central: true },
    ),
    matchedBy,
  });

  // Identifier matches come first, page after page (a serial complainant's phone may name
  // hundreds of cases), the filters applied to each page: a page may hold fewer than `limit`.
  const identified: SearchHit[] = [];
  if (central && !filter.cursor?.startsWith(WORDS)) {
    const cursor = filter.cursor?.slice(IDENTIFIERS.length);
    const found = await identifierMatches(deps, query, { limit: filter.limit, cursor });
    for (const { c, field } of found.items)
      if (passes(c) && (!query.together || holdsAll(c, query))) identified.push(view(c, field));
    if (found.nextCursor !== null)
      return { items: identified, nextCursor: `${IDENTIFIERS}${found.nextCursor}` };
  }
  // Word matches after identifier matches share their page's bound (IDENTIFIER_PAGE).
  const room =
    (identified.length > 0 ? Math.min(filter.limit, IDENTIFIER_PAGE) : filter.limit) -
    identified.length;
  if (query.identifierOnly || query.words.length === 0)
    return { items: identified, nextCursor: null };
  if (room <= 0) return { items: identified, nextCursor: WORDS };

  // A case the identifiers matched (on this page or an earlier one) is not listed again by its
  // words: it matches a lookup of the query, or its tracking code (central only).
  const named = new Set(query.lookups.map((k) => `${k.kind}:${k.value}`));
  const identifiedBefore = (c: CaseRecord) =>
    central &&
    (c.trackingCode === query.trackingCode ||
      lookupKeysOf(c).some((k) => named.has(`${k.kind}:${k.value}`)));
  const storeCursor = filter.cursor?.startsWith(WORDS)
    ? filter.cursor.slice(WORDS.length) || undefined
    : undefined;
  const page = await deps.store.searchWords(
    {
      words: query.variants,
      includeNames: central,
      received,
      accept: async (c) =>
        !identifiedBefore(c) && passes(c) && (!scope || (await scope.visible(c))),
      prepare: scope?.prepare,
    },
    { limit: room, cursor: storeCursor },
  );
  return {
    items: [...identified, ...page.items.map((c) => view(c, 'words'))],
    nextCursor: page.nextCursor === null ? null : `${WORDS}${page.nextCursor}`,
  };
}

/**
 * A page of the cases the query's identifiers name, newest first, each with what it matched;
 * the tracking code's case (one at most) on the first page.
 */
async function identifierMatches(
  deps: ServiceDeps,
  query: ReturnType<typeof parseQuery>,
  page: PageRequest,
): Promise<Page<{ c: CaseRecord; field: LookupField }>> {
  // The first page (no cursor) holds the tracking code's case, and the lookups' first page in
  // the room it leaves; `''` is the lookups' start after a first page they had no room on.
  const first = page.cursor === undefined;
  const tracked = first && query.trackingCode;
  const room = Math.min(page.limit, IDENTIFIER_PAGE) - (tracked ? 1 : 0);
  const lookups = query.lookups.length > 0;
  // Identifiers typed together: a case must hold each (the caller checks), so the first's
  // cases are all there are to read.
  const read = query.together ? query.lookups.slice(0, 1) : query.lookups;
  const [trackedId, hits] = await Promise.all([
    tracked ? deps.store.findCaseIdByTrackingCode(query.trackingCode!) : undefined,
    lookups && room > 0
      ? deps.store.findByLookups(read, { limit: room, cursor: page.cursor || undefined })
      : { items: [], nextCursor: lookups ? '' : null },
  ]);
  const fields = new Map<string, LookupField>();
  if (trackedId) fields.set(trackedId, 'trackingCode');
  for (const h of hits.items) if (!fields.has(h.caseId)) fields.set(h.caseId, h.field);
  const cases = await deps.store.getCases([...fields.keys()]);
  return {
    items: cases
      .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || b.id.localeCompare(a.id))
      .map((c) => ({ c, field: fields.get(c.id)! })),
    nextCursor: hits.nextCursor,
  };
}

/**
 * Which cases an agency user may find: those with an assignment of its own or of its member
 * units (what it may read), and a focal point's assignment delegated to it while it is still
 * that focal point's member (as `readableCase` reads a case); not one whose part in it ended
 * without its doing the work (`partEndedAt`: withdrawn, or redirected and settled), which it
 * reads as a hidden identity's and whose words are no longer its to search.
 */
async function agencyVisibility(deps: ServiceDeps, p: Principal) {
  const agencies = await readerAgencies(deps, p);
  const focalPointId = await focalPointOf(deps, p);
  // What the focal point delegated to this unit, read once a request, at its first case a
  // posting names: a read per posting (up to the store's budget of 1,000, then again on each
  // page the console hops to) cost what the focal point has, where this costs what the unit
  // was given.
  let delegated: Promise<Set<string>> | undefined;
  const isDelegated = async (c: CaseRecord): Promise<boolean> => {
    if (!focalPointId || !c.agencyIds.includes(focalPointId)) return false;
    delegated ??= deps.store
      .listDelegatedCaseIds(p.agency, focalPointId)
      .then((ids) => new Set(ids));
    return (await delegated).has(c.id);
  };
  // The assignments it reads on each candidate, read a batch of candidates at a time (one
  // BatchGetItem beside the cases'), by `caseId#agencyId`.
  const assignments = new Map<string, AssignmentRecord>();
  const read = new Set<string>();
  const refsOf = (c: CaseRecord, reads: ReadonlySet<string> = agencies) =>
    c.agencyIds.filter((id) => reads.has(id)).map((agencyId) => ({ caseId: c.id, agencyId }));
  const fetch = async (refs: readonly { caseId: string; agencyId: string }[]) => {
    const missing = refs.filter((r) => !read.has(`${r.caseId}#${r.agencyId}`));
    if (missing.length === 0) return;
    for (const a of await deps.store.getAssignments(missing))
      assignments.set(`${a.caseId}#${a.agencyId}`, a);
    for (const r of missing) read.add(`${r.caseId}#${r.agencyId}`);
  };
  const prepare = (cases: readonly CaseRecord[]) => fetch(cases.flatMap((c) => refsOf(c)));
  const visible = async (c: CaseRecord): Promise<boolean> => {
    const reads = new Set(c.agencyIds.filter((id) => agencies.has(id)));
    if (focalPointId && !reads.has(focalPointId) && (await isDelegated(c))) reads.add(focalPointId);
    if (reads.size === 0) return false;
    await fetch(refsOf(c, reads));
    const mine = [...reads].flatMap((id) => assignments.get(`${c.id}#${id}`) ?? []);
    // A redirect's settling may rest on the case's other assignments (`awaitingReforward`):
    // then the case is read whole, as `readableCase` would (a redirect is rarely the last word).
    const all = mine.some((a) => a.state === 'redirected')
      ? ((await deps.store.getCase(c.id))?.assignments ?? mine)
      : mine;
    return partEndedAt(all, reads) === null;
  };
  return { agencies, visible, prepare };
}
