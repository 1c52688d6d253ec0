/**
 * Central's "other complaints from this complainant" on a case page: the cases the search finds
 * by the complainant's NIK, phone or e-mail (a duplicate sent twice, a follow-up that belongs
 * to an earlier case, a serial complainant), this case left out, newest first, each with what
 * it was found by (the same NIK is the same person; a shared office phone may not be) and who
 * sent it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { api, type Schemas, unwrap } from '../api/client';
import { dateIn, formatDate, type TimeZone } from '../format';
import { labelOf, useI18n } from '../i18n/i18n';
import { ComplainantName } from './complainant-name';
import { Loading, Pager, ProblemAlert, StatusBadge } from './ui';

type Hit = Schemas['SearchHit'];

/** One identifier's search, as far as it has been read. */
interface Stream {
  readonly q: string;
  readonly items: readonly Hit[];
  /** Where its next page starts: undefined before its first, null once it has ended. */
  readonly cursor: string | null | undefined;
}

/** What the section lists: a case the same person sent, not one that shares a word. */
const BY_IDENTITY: readonly Hit['matchedBy'][] = ['idNumber', 'phone', 'email'];

/** A case shown, with every identifier of this complainant it was found by, NIK first. */
interface Shown {
  readonly hit: Hit;
  readonly by: readonly Hit['matchedBy'][];
}

/**
 * A page of one identifier's search. In the body: a NIK, a phone or an e-mail never sits in a
 * URL (access logs). An empty page with a cursor (the search reads a bounded number of items a
 * request) is asked on, a bounded number of times, as `usePaged` does.
 */
async function pageOf(q: string, cursor: string | undefined) {
  const ask = (from: string | null | undefined) =>
    unwrap(api.POST('/v1/search', { body: { q, ...(from ? { cursor: from } : {}) } }));
  let result = await ask(cursor);
  for (let hop = 0; result.items.length === 0 && result.nextCursor && hop < 20; hop += 1)
    result = await ask(result.nextCursor);
  return result;
}

/**
 * The hits that can be shown in order: each search lists its cases newest first, so a case
 * older than the last one read of a search that goes on may have a newer one of that search
 * still to come; it waits for the next page. One found by two identifiers is listed once.
 */
function mergedHits(streams: readonly Stream[], caseId: string): Shown[] {
  const frontier = Math.max(
    ...streams
      .filter((s) => s.cursor != null && s.items.length > 0)
      .map((s) => Date.parse(s.items.at(-1)!.receivedAt)),
  );
  const shown = new Map<string, { hit: Hit; by: Set<Hit['matchedBy']> }>();
  for (const s of streams)
    for (const h of s.items)
      if (
        h.id !== caseId &&
        BY_IDENTITY.includes(h.matchedBy) &&
        Date.parse(h.receivedAt) >= frontier
      ) {
        const entry = shown.get(h.id) ?? { hit: h, by: new Set() };
        entry.by.add(h.matchedBy);
        shown.set(h.id, entry);
      }
  return [...shown.values()]
    .map(({ hit, by }) => ({ hit, by: BY_IDENTITY.filter((b) => by.has(b)) }))
    .sort(
      (a, b) =>
        b.hit.receivedAt.localeCompare(a.hit.receivedAt) || b.hit.id.localeCompare(a.hit.id),
    );
}

export function ComplainantCases({
  caseId,
  complainant,
  zone,
}: {
  caseId: string;
  complainant: Schemas['Complainant'] | null;
  zone: TimeZone;
}) {
  const { t, lang } = useI18n();
  // Each on its own: a query naming several finds only the cases that hold them all.
  const identifiers = [
    ...new Set(
      [complainant?.idNumber, complainant?.phone, complainant?.email].filter(
        (v): v is string => !!v,
      ),
    ),
  ];
  const key = identifiers.join('\n');
  const [streams, setStreams] = useState<readonly Stream[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);

  const read = useCallback((from: readonly Stream[]) => {
    const mine = ++generation.current;
    setLoading(true);
    Promise.all(
      from.map(async (s) =>
        s.cursor === null
          ? s
          : pageOf(s.q, s.cursor).then((page) => ({
              q: s.q,
              items: [...s.items, ...page.items],
              cursor: page.nextCursor,
            })),
      ),
    ).then(
      (next) => {
        if (mine !== generation.current) return;
        setStreams(next);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (mine !== generation.current) return;
        setError(failure);
        setLoading(false);
      },
    );
  }, []);

  // After the case has loaded (this is mounted with it), and again for another case.
  useEffect(() => {
    setStreams([]);
    if (key === '') return;
    read(key.split('\n').map((q) => ({ q, items: [], cursor: undefined })));
  }, [read, key, caseId]);

  // An anonymous complaint, or one whose complainant left no NIK, phone or e-mail.
  if (identifiers.length === 0) return null;
  const hits = mergedHits(streams, caseId);
  const hasMore = streams.some((s) => s.cursor != null);
  return (
    <section className="card" aria-labelledby="complainant-cases">
      <h2 id="complainant-cases">{t('case.otherCases')}</h2>
      <ProblemAlert error={error} />
      {loading && streams.length === 0 ? <Loading /> : null}
      {hits.length > 0 ? (
        <div className="table-scroll">
          <table className="cards">
            <thead>
              <tr>
                <th scope="col">{t('documents.agendaNumber')}</th>
                <th scope="col">{t('cases.subject')}</th>
                <th scope="col">{t('search.received')}</th>
                <th scope="col">{t('filters.status')}</th>
                <th scope="col">{t('search.matchedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {hits.map(({ hit: c, by }) => (
                <tr key={c.id}>
                  <td data-label={t('documents.agendaNumber')}>
                    <span className="nowrap">{c.agendaNumber ?? '—'}</span>
                  </td>
                  <td>
                    <Link href={`/cases/${c.id}`}>{c.subject}</Link>
                    {/* Who sent it: this complainant, or another person at a shared office phone.
                        Under the subject, not a column of its own: the page's main column has
                        no room for a sixth beside long subjects. */}
                    <div className="muted small">
                      {t('case.complainant')}: <ComplainantName kase={c} />
                    </div>
                  </td>
                  <td data-label={t('search.received')}>
                    <time dateTime={c.receivedAt}>
                      {formatDate(dateIn(c.receivedAt, zone), lang)}
                    </time>
                  </td>
                  <td data-label={t('filters.status')}>
                    <StatusBadge prefix="status" value={c.status} />
                  </td>
                  <td data-label={t('search.matchedBy')}>
                    {by.map((b) => labelOf(t, 'search.match', b)).join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : !loading && !hasMore && !error ? (
        <p className="muted">{t('case.otherCasesNone')}</p>
      ) : null}
      <Pager hasMore={hasMore} loading={loading} onMore={() => read(streams)} />
    </section>
  );
}
