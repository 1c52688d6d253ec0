/**
 * The letters log: every warning, reminder, formal warning and escalation. Central sees all
 * (by agency if it likes, found by name); an agency sees the letters sent to it, and a focal
 * point's coordinator may choose one of its member units' instead. A member unit also sees those
 * of its focal point's assignments delegated to it, which it works, each saying so. Newest
 * written first (a letter the ladder wrote late tops the page, dated when written), each under
 * its step's name as people read it (`stepLabel`; a reminder numbered as its letter's title).
 * Narrowed, for everyone alike, by status ("which did not go out?"), step and the dates the
 * letters bear, kept in the URL (`/letters?status=failed` opens on the failed ones); the count
 * says what is shown ("12 surat tidak terkirim").
 */
import { type FormEvent, useEffect, useId, useState } from 'react';
import { Link } from 'wouter';
import { NotificationsQuery } from '@pantau/core/schemas';
import { countText } from '../components/count';
import { DateWords, dateWordsRef } from '../components/date-words';
import { useVisited } from '../unread';
import { useUrlState } from '../url-state';
import { api, unwrap } from '../api/client';
import type { paths } from '../api/schema';
import { isCentral } from '../auth/session';
import { useSignedIn } from '../auth/session-context';
import { AgencyName, AgencySelect, useAgencies, useMemberUnits } from '../components/agencies';
import { LetterPdfButton, LetterStatusNote, LetterWhen } from '../components/document-links';
import { PageTitle, Pager, ProblemAlert, StatusBadge } from '../components/ui';
import { type Paged, useLoad, usePaged } from '../data';
import { formatDate } from '../format';
import { stepLabel, useI18n } from '../i18n/i18n';

/** The filters as the URL keeps them (defaults left out). */
const URL_DEFAULTS = { agency: '', status: '', step: '', from: '', to: '' };

type LetterStatus = NonNullable<
  NonNullable<paths['/v1/notifications']['get']['parameters']['query']>['status']
>;

/** Offered in the order an officer asks: what did not go out, what waits, what went. */
const STATUSES: readonly LetterStatus[] = ['failed', 'pending', 'sent', 'cancelled'];

/** Central's own letters, beside the ladder's steps (their `step`, as each letter names it). */
const CENTRAL_STEPS = ['forwarding', 'invitation', 'invitation_moved', 'invitation_cancelled'];

export interface LettersFilter {
  status: LetterStatus | '';
  step: string;
  from: string;
  to: string;
}

/**
 * The filters a URL holds, each only if the API takes it: a link mistyped or from an older
 * console (`?status=lost`) shows the letters unfiltered by it, never the API's refusal.
 */
export function lettersFilter(url: typeof URL_DEFAULTS): LettersFilter {
  const fits = <K extends 'status' | 'step' | 'from' | 'to'>(key: K) =>
    url[key] !== '' && NotificationsQuery.shape[key].safeParse(url[key]).success;
  return {
    status: fits('status') ? (url.status as LetterStatus) : '',
    step: fits('step') ? url.step : '',
    from: fits('from') ? url.from : '',
    to: fits('to') ? url.to : '',
  };
}

export default function Letters() {
  const { t } = useI18n();
  const { nameOf } = useAgencies();
  const session = useSignedIn();
  // The filters live in the URL: a link or a reload keeps them.
  const [url, setUrl] = useUrlState(URL_DEFAULTS);
  const applied = url.agency;
  const filter = lettersFilter(url);
  const query = {
    ...(applied ? { agencyId: applied } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.step ? { step: filter.step } : {}),
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
  };
  useVisited(session.sub, 'letters');
  const list = usePaged(
    (cursor) =>
      unwrap(
        api.GET('/v1/notifications', {
          params: { query: { ...query, ...(cursor ? { cursor } : { total: 'true' as const }) } },
        }),
      ),
    [JSON.stringify(query)],
  );
  return (
    <section>
      <PageTitle>{isCentral(session) ? t('letters.title') : t('letters.titleAgency')}</PageTitle>
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
      <LetterFilters value={filter} onChange={(next) => setUrl(next)} />
      <ProblemAlert
        error={list.error}
        labels={{ from: t('letters.dateFrom'), to: t('letters.dateTo') }}
      />
      <LettersCount list={list} filter={filter} />
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
                {/* Sent, or only addressed: one queued, failed or cancelled did not go. */}
                {t(n.status === 'sent' ? 'letters.delegated' : 'letters.delegatedUnsent', {
                  agency: nameOf(n.agencyId),
                })}
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

/**
 * How many letters the list holds, said as what is shown: "12 surat tidak terkirim, tahap Surat
 * penegasan, bertanggal …". Nothing while the first page loads (a "0" would be wrong).
 */
function LettersCount({ list, filter }: { list: Paged<unknown>; filter: LettersFilter }) {
  const { t, lang } = useI18n();
  if (list.loading && list.items.length === 0) return null;
  const n = countText(list.total, list.items.length, list.hasMore);
  const parts = [
    filter.status ? t(`letters.total.${filter.status}`, { n }) : t('letters.total', { n }),
  ];
  if (filter.step) parts.push(t('letters.countStep', { step: stepLabel(t, filter.step) }));
  const [from, to] = [filter.from, filter.to].map((d) => (d ? formatDate(d, lang) : ''));
  if (from && to) parts.push(t('letters.countPeriod', { from, to }));
  else if (from) parts.push(t('letters.countFrom', { from }));
  else if (to) parts.push(t('letters.countTo', { to }));
  return <p className="muted count">{parts.join(', ')}</p>;
}

/**
 * The steps a letter may be of, as the policies' ladders name them (in their order, each once),
 * then central's own letters; the one chosen kept among them though no ladder names it now (a
 * step removed, whose letters remain).
 */
function useStepNames(chosen: string): string[] {
  const policies = useLoad(() => unwrap(api.GET('/v1/policies')), []);
  const names = new Set(policies.data?.items.flatMap((p) => p.ladder.map((s) => s.name)) ?? []);
  for (const step of CENTRAL_STEPS) names.add(step);
  if (chosen) names.add(chosen);
  return [...names];
}

/**
 * Status and step, asked as soon as chosen; the period (the dates the letters bear) once both
 * days are typed and shown, as the statistics' period is (a date typed digit by digit would ask
 * for every year on the way).
 */
function LetterFilters({
  value,
  onChange,
}: {
  value: LettersFilter;
  onChange: (next: LettersFilter) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const steps = useStepNames(value.step);
  const [draft, setDraft] = useState({ from: value.from, to: value.to });
  // A link followed, or every filter cleared: the fields say the period shown.
  useEffect(() => setDraft({ from: value.from, to: value.to }), [value.from, value.to]);
  const showPeriod = (e: FormEvent) => {
    e.preventDefault();
    onChange({ ...value, ...draft });
  };
  const narrowed = Object.values(value).some((v) => v !== '');
  return (
    <form className="filters" aria-label={t('filters.label')} onSubmit={showPeriod}>
      <div className="field">
        <label htmlFor={`${id}-status`}>{t('letters.filterStatus')}</label>
        <select
          id={`${id}-status`}
          value={value.status}
          onChange={(e) => onChange({ ...value, status: e.target.value as LetterStatus | '' })}
        >
          <option value="">{t('filters.all')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`letters.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-step`}>{t('letters.filterStep')}</label>
        <select
          id={`${id}-step`}
          value={value.step}
          onChange={(e) => onChange({ ...value, step: e.target.value })}
        >
          <option value="">{t('filters.all')}</option>
          {steps.map((name) => (
            <option key={name} value={name}>
              {stepLabel(t, name)}
            </option>
          ))}
        </select>
      </div>
      <DateField
        id={`${id}-from`}
        label={t('letters.dateFrom')}
        value={draft.from}
        onChange={(from) => setDraft({ ...draft, from })}
      />
      <DateField
        id={`${id}-to`}
        label={t('letters.dateTo')}
        value={draft.to}
        onChange={(to) => setDraft({ ...draft, to })}
      />
      <button type="submit">{t('letters.show')}</button>
      {narrowed ? (
        <button type="button" onClick={() => onChange({ status: '', step: '', from: '', to: '' })}>
          {t('letters.clear')}
        </button>
      ) : null}
      <p className="hint">{t('letters.periodHint')}</p>
    </form>
  );
}

function DateField({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={dateWordsRef(id, value) || undefined}
      />
      <DateWords id={id} value={value} />
    </div>
  );
}
