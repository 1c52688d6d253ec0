/**
 * Search: central finds any case by an identifier (tracking code, agenda or letter number,
 * external reference, NIK, phone, e-mail) or by words; an agency finds by words only, among
 * the cases it has (had) an assignment on, and never by the complainant's name or identity.
 */
import { DEFAULT_TIME_ZONE, endOfLocalDay, startOfLocalDay } from '../calendar.ts';
import { type CaseRecord, viewCase } from '../case.ts';
import { invalidInput } from '../errors.ts';
import type { Page } from '../ports.ts';
import type { SearchFilter, SearchHit } from '../schemas.ts';
import type { LookupField } from '../search/document.ts';
import { parseQuery } from '../search/query.ts';
import { isCentral, type Principal } from '../tenancy.ts';
import {
  AGENCY_ROLES,
  CENTRAL_ROLES,
  readerAgencies,
  requireRole,
  type ServiceDeps,
} from './kernel/index.ts';

/** Word pages continue with `w.<store cursor>`; `w.` alone starts the words after a full first page of identifier matches. */
const WORDS = 'w.';

export async function search(
  deps: ServiceDeps,
  p: Principal,
  filter: SearchFilter,
): Promise<Page<SearchHit>> {
  requireRole(p, [...CENTRAL_ROLES, ...AGENCY_ROLES]);
  if (filter.from && filter.to && filter.from > filter.to)
    throw invalidInput('from', 'must not be after to');
  if (filter.cursor !== undefined && !filter.cursor.startsWith(WORDS))
    throw invalidInput('cursor', 'not a cursor of this list');
  const now = deps.clock();
  const query = parseQuery(filter.q);
  const received =
    filter.from || filter.to
      ? {
          from: startOfLocalDay(filter.from ?? '1970-01-01', DEFAULT_TIME_ZONE),
          to: endOfLocalDay(filter.to ?? '9999-12-31', DEFAULT_TIME_ZONE),
        }
      : undefined;
  const passes = (c: CaseRecord) =>
    (!filter.status || c.status === filter.status) &&
    (!filter.agencyId || c.agencyIds.includes(filter.agencyId)) &&
    (!filter.type || c.classification?.type === filter.type) &&
    (!received ||
      (Date.parse(c.receivedAt) >= received.from.getTime() &&
        Date.parse(c.receivedAt) <= received.to.getTime()));

  const central = isCentral(p);
  const scope = central ? undefined : await agencyVisibility(deps, p);
  const view = (c: CaseRecord, matchedBy: SearchHit['matchedBy']): SearchHit => ({
    ...viewCase(
      c,
      [],
      now,
      scope ? { central: false, agencies: scope.agencies } : { central: true },
    ),
    matchedBy,
  });

  // Identifier matches come first, on the first page only (a handful: one complainant's cases).
  const identified: SearchHit[] = [];
  if (central && filter.cursor === undefined) {
    for (const { c, field } of await identifierMatches(deps, query, filter.limit))
      if (passes(c)) identified.push(view(c, field));
  }
  const room = filter.limit - identified.length;
  if (query.identifierOnly || query.words.length === 0)
    return { items: identified, nextCursor: null };
  if (room <= 0) return { items: identified, nextCursor: WORDS };

  const seen = new Set(identified.map((h) => h.id));
  const storeCursor = filter.cursor?.slice(WORDS.length) || undefined;
  const page = await deps.store.searchWords(
    {
      words: query.words,
      includeNames: central,
      received,
      accept: async (c) => !seen.has(c.id) && passes(c) && (!scope || (await scope.visible(c))),
    },
    { limit: room, cursor: storeCursor },
  );
  return {
    items: [...identified, ...page.items.map((c) => view(c, 'words'))],
    nextCursor: page.nextCursor === null ? null : `${WORDS}${page.nextCursor}`,
  };
}

/** The cases the query's identifiers name, newest first, each with what it matched. */
async function identifierMatches(
  deps: ServiceDeps,
  query: ReturnType<typeof parseQuery>,
  limit: number,
): Promise<{ c: CaseRecord; field: LookupField }[]> {
  const [tracked, hits] = await Promise.all([
    query.trackingCode ? deps.store.findCaseIdByTrackingCode(query.trackingCode) : undefined,
    query.lookups.length > 0 ? deps.store.findByLookups(query.lookups, limit) : [],
  ]);
  const fields = new Map<string, LookupField>();
  if (tracked) fields.set(tracked, 'trackingCode');
  for (const h of hits) if (!fields.has(h.caseId)) fields.set(h.caseId, h.field);
  const cases = await deps.store.getCases([...fields.keys()]);
  return cases
    .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || b.id.localeCompare(a.id))
    .slice(0, limit)
    .map((c) => ({ c, field: fields.get(c.id)! }));
}

/**
 * Which cases an agency user may find: those with an assignment of its own or of its member
 * units (what it may read), and a focal point's assignment delegated to it.
 */
async function agencyVisibility(deps: ServiceDeps, p: Principal) {
  const agencies = await readerAgencies(deps, p);
  const focalPointId = (await deps.store.getAgency(p.agency))?.focalPointId ?? null;
  const visible = async (c: CaseRecord): Promise<boolean> => {
    if (c.agencyIds.some((id) => agencies.has(id))) return true;
    if (!focalPointId || !c.agencyIds.includes(focalPointId)) return false;
    // Only for a case its focal point has: was it delegated to this unit?
    const bundle = await deps.store.getCase(c.id);
    return !!bundle?.assignments.some(
      (a) => a.agencyId === focalPointId && a.delegatedTo === p.agency,
    );
  };
  return { agencies, visible };
}
