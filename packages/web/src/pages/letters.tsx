/**
 * The letters log: every warning, reminder, formal warning and escalation. Central sees all
 * (by agency if it likes, found by name); an agency sees the letters sent to it, and a focal
 * point's coordinator may choose one of its member units' instead. A member unit also sees those
 * of its focal point's assignments delegated to it, which it works, each saying so. Newest
 * written first (a letter the ladder wrote late tops the page, dated when written), each under
 * its step's name as people read it (`stepLabel`; a reminder numbered as its letter's title).
 */
import { Link } from 'wouter';
import { Count } from '../components/count';
import { useVisited } from '../unread';
import { useUrlState } from '../url-state';
import { api, unwrap } from '../api/client';
import { isCentral } from '../auth/session';
import { useSignedIn } from '../auth/session-context';
import { AgencyName, AgencySelect, useAgencies, useMemberUnits } from '../components/agencies';
import { LetterPdfButton, LetterStatusNote, LetterWhen } from '../components/document-links';
import { PageTitle, Pager, ProblemAlert, StatusBadge } from '../components/ui';
import { usePaged } from '../data';
import { stepLabel, useI18n } from '../i18n/i18n';

export default function Letters() {
  const { t } = useI18n();
  const { nameOf } = useAgencies();
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
      ) : session.role === 'agency_coordinator' ? (
        <MemberUnitFilter
          agency={session.agency}
          value={applied}
          onChange={(id) => setUrl({ agency: id })}
        />
      ) : null}
      <ProblemAlert error={list.error} />
      {!list.loading && list.items.length === 0 ? (
        <p className="muted">{t('common.empty')}</p>
      ) : null}
      <ul className="letters">
        {list.items.map((n) => (
          <li key={n.id} className="card">
            <div>
              <LetterWhen letter={n} zone={session.zone} /> ·{' '}
              <strong>{stepLabel(t, n.step, n.subject)}</strong> · <AgencyName id={n.agencyId} /> ·{' '}
              <StatusBadge prefix="letterStatus" value={n.status} />
              <LetterStatusNote letter={n} zone={session.zone} />
            </div>
            {/* An agency's own list holds another's letters only as a member unit (its focal
                point's, on an assignment delegated to it). */}
            {!isCentral(session) &&
            (applied || session.agency) === session.agency &&
            n.agencyId !== session.agency ? (
              <p className="muted small">
                {t('letters.delegated', { agency: nameOf(n.agencyId) })}
              </p>
            ) : null}
            <div>
              <Link href={`/cases/${n.caseId}?agency=${n.agencyId}`}>{n.subject}</Link>
            </div>
            {/* Its number on a line of its own, as the case page's letters say it: after the
                subject it broke at its hyphens ("B-28/Kemensetneg/D-" | "4/DM.05/04/2026"). */}
            <div>
              {n.letterNumber ? (
                <span className="muted small">
                  {t('caseLetters.number')}: {n.letterNumber}
                </span>
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

/**
 * A focal point's coordinator reads its member units' letters too: its own agency (the empty
 * choice) or one unit, by name. The units come from `GET /v1/agencies` (for an agency: itself
 * and its member units); an agency with none shows no choice.
 */
function MemberUnitFilter({
  agency,
  value,
  onChange,
}: {
  agency: string;
  value: string;
  onChange: (id: string) => void;
}) {
  const { t } = useI18n();
  const { nameOf } = useAgencies();
  const units = useMemberUnits(agency);
  const members = [...(units.data ?? [])].sort((a, b) => nameOf(a).localeCompare(nameOf(b), 'id'));
  if (members.length === 0) return null;
  return (
    <div className="filters">
      <div className="field">
        <label htmlFor="letters-member">{t('letters.agency')}</label>
        <select id="letters-member" value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{nameOf(agency)}</option>
          {members.map((id) => (
            <option key={id} value={id}>
              {nameOf(id)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
