/**
 * Central's case register: newest first (or oldest first, soonest verify-and-forward deadline
 * on top), by status, by an agency it was forwarded to, only the overdue when asked, paged;
 * and the cases CSV export.
 */
import { useState } from 'react';
import { Link } from 'wouter';
import { Count } from '../components/count';
import { useUrlState } from '../url-state';
import { CASE_STATUSES } from '@pantau/core/schemas';
import { api, download, unwrap } from '../api/client';
import { useSignedIn } from '../auth/session-context';
import { AgencySelect, useAgencies } from '../components/agencies';
import { SearchBox } from '../components/search-box';
import { PageTitle, Pager, ProblemAlert, saying, StatusBadge, Time } from '../components/ui';
import { usePaged } from '../data';
import { labelOf, useI18n } from '../i18n/i18n';

type Status = (typeof CASE_STATUSES)[number];

export default function Cases() {
  const { t } = useI18n();
  const { zone } = useSignedIn();
  const { nameOf } = useAgencies();
  // `agency`: the cases forwarded to it (a search naming the agency links here).
  const [url, setUrl] = useUrlState({ status: '', overdue: '', order: '', agency: '' });
  const status = (CASE_STATUSES as readonly string[]).includes(url.status)
    ? (url.status as Status)
    : '';
  const overdue = url.overdue === '1';
  const order = url.order === 'oldest' ? 'oldest' : 'newest';
  const [error, setError] = useState<unknown>(null);
  const list = usePaged(
    (cursor) =>
      unwrap(
        api.GET('/v1/cases', {
          params: {
            query: {
              ...(status ? { status } : {}),
              ...(url.agency ? { agencyId: url.agency } : {}),
              ...(overdue ? { overdue: 'true' as const } : {}),
              ...(order === 'oldest' ? { order } : {}),
              ...(cursor ? { cursor } : { total: 'true' as const }),
            },
          },
        }),
      ),
    [status, overdue, order, url.agency],
  );
  return (
    <section>
      <PageTitle>{t('cases.title')}</PageTitle>
      <p>
        <Link href="/cases/new" className="button primary">
          {t('desk.register')}
        </Link>{' '}
        <button
          type="button"
          onClick={() => {
            setError(null);
            download('/v1/exports/cases.xlsx', 'pantau-cases.xlsx').catch((e: unknown) =>
              setError(saying('limit_exceeded', t('cases.xlsxTooLarge'))(e)),
            );
          }}
        >
          {t('cases.xlsxThisYear')}
        </button>{' '}
        <button
          type="button"
          onClick={() => {
            setError(null);
            download('/v1/exports/cases.csv', 'pantau-cases.csv').catch((e: unknown) =>
              setError(saying('limit_exceeded', t('cases.csvTooLarge'))(e)),
            );
          }}
        >
          {t('cases.csvThisYear')}
        </button>
      </p>
      <SearchBox />
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <AgencySelect
          label={t('letters.agency')}
          value={url.agency || undefined}
          onChange={(id) => setUrl({ agency: id ?? '' })}
          inputId="case-agency"
        />
        <div className="field">
          <label htmlFor="case-status">{t('filters.status')}</label>
          <select
            id="case-status"
            value={status}
            onChange={(e) => setUrl({ status: e.target.value })}
          >
            <option value="">{t('filters.all')}</option>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {labelOf(t, 'status', s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="case-order">{t('cases.order')}</label>
          <select
            id="case-order"
            value={order}
            onChange={(e) => setUrl({ order: e.target.value === 'oldest' ? 'oldest' : '' })}
          >
            <option value="newest">{t('cases.orderNewest')}</option>
            <option value="oldest">{t('cases.orderOldest')}</option>
          </select>
        </div>
        <div className="field field-check">
          <input
            id="case-overdue"
            type="checkbox"
            checked={overdue}
            onChange={(e) => setUrl({ overdue: e.target.checked ? '1' : '' })}
          />
          <label htmlFor="case-overdue">{t('filters.overdueOnly')}</label>
        </div>
      </form>
      <ProblemAlert error={error ?? list.error} />
      <Count
        total={list.total}
        shown={list.items.length}
        hasMore={list.hasMore}
        loading={list.loading}
        sentence="cases.total"
      />
      <div className="table-scroll">
        <table className="cards">
          <caption className="visually-hidden">{t('cases.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cases.subject')}</th>
              <th scope="col">{t('filters.status')}</th>
              <th scope="col">{t('cases.received')}</th>
              <th scope="col">{t('cases.agencies')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link href={`/cases/${c.id}`}>{c.subject}</Link>
                  <div className="muted small">
                    {c.agendaNumber ? `${c.agendaNumber} · ` : ''}
                    {c.trackingCode}
                  </div>
                </td>
                <td data-label={t('filters.status')}>
                  <StatusBadge prefix="status" value={c.status} />
                  {c.overdue ? (
                    <span className="badge deadline-overdue">{t('deadline.overdue')}</span>
                  ) : null}
                </td>
                <td data-label={t('cases.received')}>
                  <Time at={c.receivedAt} zone={zone} />
                </td>
                <td data-label={t('cases.agencies')}>
                  {c.agencyIds.map(nameOf).join(', ') || '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager hasMore={list.hasMore} loading={list.loading} onMore={list.loadMore} />
    </section>
  );
}
