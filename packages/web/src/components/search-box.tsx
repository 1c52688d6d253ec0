/**
 * The search box on the register and the queue: words (central and agencies) or, for central,
 * an identifier (tracking code, agenda or letter number, NIK, phone, e-mail). Central reads who
 * sent each case found, to spot a second complaint by the same person without opening each.
 * Self-contained: it owns its query, its results and their pages, and shows nothing until asked.
 */
import { useState } from 'react';
import { Link } from 'wouter';
import { api, unwrap } from '../api/client';
import { useSignedIn } from '../auth/session-context';
import { searchAgencies, useAgencies } from './agencies';
import { ComplainantName } from './complainant-name';
import { Pager, ProblemAlert, StatusBadge, Time } from './ui';
import { usePaged } from '../data';
import { labelOf, useI18n } from '../i18n/i18n';

/** How many agencies whose names the words match are offered beside the hits. */
const AGENCIES_NAMED = 5;

export function SearchBox() {
  const { t } = useI18n();
  const { zone, agency } = useSignedIn();
  const central = agency === 'setneg';
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const results = usePaged(
    (cursor) =>
      q === ''
        ? Promise.resolve({ items: [], nextCursor: null })
        : // In the body: a tracking code, a NIK or a phone number never sits in a URL (logs).
          unwrap(api.POST('/v1/search', { body: { q, ...(cursor ? { cursor } : {}) } })),
    [q],
  );
  const { list: agencies } = useAgencies();
  // Central looking for an agency's cases types its name: the cases hold no agency names (the
  // words are the complaint's), so the agencies the words name are offered beside the hits.
  const named = central && q !== '' ? searchAgencies(agencies, q, AGENCIES_NAMED) : null;
  const n = `${results.items.length}${results.hasMore ? '+' : ''}`;
  // What the search found, in one line that is there before it is asked (a live region
  // mounted already filled is not heard); the table itself is not read out on each change.
  const found =
    q === '' || (results.loading && results.items.length === 0)
      ? ''
      : results.items.length === 0
        ? t('search.none')
        : t('search.count', { n, q });
  return (
    <div className="search">
      <form
        role="search"
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setQ(text.trim());
        }}
      >
        <div className="field">
          <label htmlFor="search-q">{t('search.label')}</label>
          <input
            id="search-q"
            type="search"
            value={text}
            maxLength={200}
            aria-describedby="search-hint"
            onChange={(e) => setText(e.target.value)}
          />
          <div id="search-hint" className="muted small">
            {t(central ? 'search.hint.central' : 'search.hint.agency')}
          </div>
        </div>
        <button type="submit">{t('search.submit')}</button>
      </form>
      <p role="status" className="muted count">
        {found}
      </p>
      {named && named.items.length > 0 ? (
        <section className="search-agencies" aria-labelledby="search-agencies-title">
          <h3 id="search-agencies-title" className="small">
            {t('search.agencies')}
          </h3>
          <ul className="plain">
            {named.items.map((a) => (
              <li key={a.id}>
                <strong>{a.name}</strong>:{' '}
                <Link href={`/cases?agency=${encodeURIComponent(a.id)}`}>
                  {t('search.agencyCases')}
                </Link>
                {' · '}
                <Link href={`/assignments?agency=${encodeURIComponent(a.id)}`}>
                  {t('search.agencyAssignments')}
                </Link>
              </li>
            ))}
          </ul>
          {named.total > named.items.length ? (
            <p className="muted small">
              {t('search.agenciesMore', { n: named.total - named.items.length })}
            </p>
          ) : null}
        </section>
      ) : null}
      {q === '' ? null : (
        <>
          <ProblemAlert error={results.error} />
          {results.items.length === 0 ? null : (
            // Cards on a phone, like the other lists (styles.css `table.cards`).
            <div className="table-scroll">
              <table className="cards">
                <caption>{t('search.results', { q })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('cases.subject')}</th>
                    {/* Central's: a NIK or a phone found two cases; is it one person? */}
                    {central ? <th scope="col">{t('case.complainant')}</th> : null}
                    <th scope="col">{t('filters.status')}</th>
                    <th scope="col">{t('search.received')}</th>
                    <th scope="col">{t('search.matchedBy')}</th>
                  </tr>
                </thead>
                <tbody>
                  {results.items.map((c) => (
                    <tr key={c.id}>
                      <td>
                        <Link href={`/cases/${c.id}`}>{c.subject}</Link>
                        {/* As the register names a case: its agenda number (what letters and the
                            complainant quote), then for central the tracking code. */}
                        {c.agendaNumber || c.trackingCode ? (
                          <div className="muted small">
                            {[c.agendaNumber, c.trackingCode].filter(Boolean).join(' · ')}
                          </div>
                        ) : null}
                      </td>
                      {central ? (
                        <td data-label={t('case.complainant')}>
                          <ComplainantName kase={c} />
                        </td>
                      ) : null}
                      <td data-label={t('filters.status')}>
                        <StatusBadge prefix="status" value={c.status} />
                      </td>
                      <td data-label={t('search.received')}>
                        <Time at={c.receivedAt} zone={zone} />
                      </td>
                      <td data-label={t('search.matchedBy')}>
                        {labelOf(t, 'search.match', c.matchedBy)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager hasMore={results.hasMore} loading={results.loading} onMore={results.loadMore} />
        </>
      )}
    </div>
  );
}
