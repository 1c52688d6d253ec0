/**
 * The search box on the register and the queue: words (central and agencies) or, for central,
 * an identifier (tracking code, agenda or letter number, NIK, phone, e-mail). Self-contained:
 * it owns its query, its results and their pages, and shows nothing until asked.
 */
import { useState } from 'react';
import { Link } from 'wouter';
import { api, unwrap } from '../api/client';
import { useSignedIn } from '../auth/session-context';
import { Pager, ProblemAlert, StatusBadge, Time } from './ui';
import { usePaged } from '../data';
import { labelOf, useI18n } from '../i18n/i18n';

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
      {q === '' ? null : (
        <>
          <ProblemAlert error={results.error} />
          <table aria-live="polite">
            <caption>{t('search.results', { q })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.subject')}</th>
                <th scope="col">{t('filters.status')}</th>
                <th scope="col">{t('case.received')}</th>
                <th scope="col">{t('search.matchedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {results.items.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link href={`/cases/${c.id}`}>{c.subject}</Link>
                    {c.trackingCode ? <div className="muted small">{c.trackingCode}</div> : null}
                  </td>
                  <td>
                    <StatusBadge prefix="status" value={c.status} />
                  </td>
                  <td>
                    <Time at={c.receivedAt} zone={zone} />
                  </td>
                  <td>{labelOf(t, 'search.match', c.matchedBy)}</td>
                </tr>
              ))}
              {!results.loading && results.items.length === 0 ? (
                <tr>
                  <td colSpan={4}>{t('search.none')}</td>
                </tr>
              ) : null}
            </tbody>
          </table>
          <Pager hasMore={results.hasMore} loading={results.loading} onMore={results.loadMore} />
        </>
      )}
    </div>
  );
}
