/**
 * The letters log: every warning, reminder, formal warning and escalation. Central sees all
 * (by agency if it likes, found by name); an agency sees the letters sent to it. Newest first.
 */
import { Link } from 'wouter';
import { Count } from '../components/count';
import { useVisited } from '../unread';
import { useUrlState } from '../url-state';
import { api, unwrap } from '../api/client';
import { isCentral } from '../auth/session';
import { useSignedIn } from '../auth/session-context';
import { AgencyName, AgencySelect } from '../components/agencies';
import { LetterPdfButton, LetterStatusNote } from '../components/document-links';
import { PageTitle, Pager, ProblemAlert, StatusBadge, Time } from '../components/ui';
import { usePaged } from '../data';
import { stepLabel, useI18n } from '../i18n/i18n';

export default function Letters() {
  const { t } = useI18n();
  const session = useSignedIn();
  // The filter lives in the URL: a link or a reload keeps it.
  const [url, setUrl] = useUrlState({ agency: '' });
  const applied = url.agency;
  useVisited(session.sub, 'letters');
  const list = usePaged(
    (cursor) =>
      unwrap(
        api.GET('/v1/notifications', {
          params: {
            query: {
              ...(applied ? { agencyId: applied } : {}),
              ...(cursor ? { cursor } : { total: 'true' as const }),
            },
          },
        }),
      ),
    [applied],
  );
  return (
    <section>
      <PageTitle>{isCentral(session) ? t('letters.title') : t('letters.titleAgency')}</PageTitle>
      <Count
        total={list.total}
        shown={list.items.length}
        hasMore={list.hasMore}
        loading={list.loading}
        sentence="letters.total"
      />
      {isCentral(session) ? (
        <div className="filters">
          <AgencySelect
            label={t('letters.agency')}
            value={applied || undefined}
            onChange={(id) => setUrl({ agency: id ?? '' })}
            inputId="letters-agency"
          />
        </div>
      ) : null}
      <ProblemAlert error={list.error} />
      {!list.loading && list.items.length === 0 ? (
        <p className="muted">{t('common.empty')}</p>
      ) : null}
      <ul className="letters">
        {list.items.map((n) => (
          <li key={n.id} className="card">
            <div>
              <Time at={n.createdAt} zone={session.zone} /> ·{' '}
              <strong>{stepLabel(t, n.step)}</strong> · <AgencyName id={n.agencyId} /> ·{' '}
              <StatusBadge prefix="letterStatus" value={n.status} />
              <LetterStatusNote letter={n} zone={session.zone} />
            </div>
            <div>
              <Link href={`/cases/${n.caseId}?agency=${n.agencyId}`}>{n.subject}</Link>
              {n.letterNumber ? (
                <span className="muted small"> · {n.letterNumber}</span>
              ) : null}{' '}
              <LetterPdfButton letter={n} />
            </div>
            <details>
              <summary>{t('letters.read')}</summary>
              <p className="muted small">
                {t('letters.to')}: {n.recipients.join(', ')}
                {n.cc.length > 0 ? ` · ${t('letters.cc')}: ${n.cc.join(', ')}` : ''}
              </p>
              <pre className="letter">{n.body}</pre>
            </details>
          </li>
        ))}
      </ul>
      <Pager hasMore={list.hasMore} loading={list.loading} onMore={list.loadMore} />
    </section>
  );
}
