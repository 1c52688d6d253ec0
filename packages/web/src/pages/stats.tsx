/**
 * Response and on-time rates per agency for a chosen period: a sortable table, a bar chart of
 * the same numbers, and the downloads of the table and of the cases, each as an Excel workbook
 * (first: what officers open, numbers in their locale) and as CSV.
 */
import { useState } from 'react';
import { api, download, unwrap } from '../api/client';
import { useSignedIn } from '../auth/session-context';
import { useAgencies } from '../components/agencies';
import { DateWords, dateWordsRef } from '../components/date-words';
import { Loading, PageTitle, ProblemAlert, saying } from '../components/ui';
import { useLoad } from '../data';
import { dateIn, formatCount, formatDate, formatPercent } from '../format';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { type AgencyStats, sortStats, type StatsColumn } from '../stats';
import { useServerNow } from '../server-clock';
import { useUrlState } from '../url-state';

// As the CSV's columns: what left the sample (redirected, withdrawn in time) beside what was
// forwarded, so a rate reads against the columns shown, and the rank the API gives.
const COLUMNS: [StatsColumn, MessageKey][] = [
  ['agencyId', 'stats.agency'],
  ['assigned', 'stats.assigned'],
  ['redirected', 'stats.redirected'],
  ['withdrawn', 'stats.withdrawn'],
  ['responded', 'stats.responded'],
  ['respondedOnTime', 'stats.onTime'],
  ['completed', 'stats.completed'],
  ['responseRate', 'stats.responseRate'],
  ['onTimeRate', 'stats.onTimeRate'],
  ['acknowledgeOnTimeRate', 'stats.acknowledgeOnTimeRate'],
  ['medianWorkingDaysToFirstResponse', 'stats.median'],
  ['rank', 'stats.rank'],
];

/** The headers whose button says what they count (`title`). */
const HINTS: Partial<Record<StatsColumn, MessageKey>> = {
  withdrawn: 'stats.withdrawnHint',
  acknowledgeOnTimeRate: 'stats.acknowledgeOnTimeRateHint',
};

/** What the rates are over: neither "not ours" nor withdrawn before the follow-up fell due. */
const sampleOf = (s: AgencyStats) => s.assigned - s.redirected - s.withdrawn;

/** The columns that count assignments, as a row and the total show them. */
const COUNTS = [
  'assigned',
  'redirected',
  'withdrawn',
  'responded',
  'respondedOnTime',
  'completed',
] as const;

/**
 * The statistics page, once the API's clock is read: its default period ends today by that
 * clock (a PC's own may be wrong; the embedded demo's is set by hand), as the desk's week does.
 */
export default function Stats() {
  const now = useServerNow();
  return now ? <StatsPage now={now} /> : <Loading />;
}

function StatsPage({ now }: { now: Date }) {
  const { t, lang } = useI18n();
  const { nameOf } = useAgencies();
  const { zone } = useSignedIn();
  const today = dateIn(now, zone);
  // Period and sort live in the URL: a link or a reload shows the same table.
  const [url, setUrl] = useUrlState({
    from: `${today.slice(0, 4)}-01-01`,
    to: today,
    // The ranking first (response rate, then on time), a small sample after it: by the rate
    // alone, an agency that answered its one complaint would head the list above one with 38 of 40.
    sort: 'rank',
    order: 'ascending',
  });
  const period = { from: url.from, to: url.to };
  const setPeriod = (next: { from: string; to: string }) => setUrl(next);
  const [draft, setDraft] = useState(period);
  const sort = {
    column: (COLUMNS.some(([c]) => c === url.sort) ? url.sort : 'rank') as StatsColumn,
    direction: (url.order === 'ascending' ? 'ascending' : 'descending') as
      'ascending' | 'descending',
  };
  const setSort = (next: typeof sort) => setUrl({ sort: next.column, order: next.direction });
  const [error, setError] = useState<unknown>(null);
  const report = useLoad(
    () => unwrap(api.GET('/v1/stats/agencies', { params: { query: period } })),
    [period.from, period.to],
  );
  // After a failed query the old figures are not shown under the new period's error.
  const data = report.error ? undefined : report.data;
  const rows = data ? sortStats(data.items, sort.column, sort.direction, nameOf) : [];
  // The one agency at the minimum sample is unranked (there is no one to be best of): say so,
  // or its rank's "—" without a "small sample" badge would read as a fault.
  const reached = data?.items.filter((s) => !s.belowMinimumSample && s.responseRate !== null);
  const alone = reached?.length === 1 && reached[0]!.rank === null ? reached[0] : undefined;
  const query = new URLSearchParams(period).toString();
  /**
   * Downloads the period's file at `path` (`.xlsx` or `.csv`), saved as `name-from-to` with its
   * extension; a refusal shows in the alert, `refused` choosing its words.
   */
  const save = (path: string, name: string, refused: (e: unknown) => unknown = (e) => e) => {
    setError(null);
    const extension = path.slice(path.lastIndexOf('.'));
    download(`${path}?${query}`, `${name}-${period.from}-${period.to}${extension}`).catch(
      (e: unknown) => setError(refused(e)),
    );
  };
  /** A period too long for one file: to download shorter ones (`key`: the file's kind). */
  const tooLong = (key: MessageKey) => saying('limit_exceeded', t(key));
  return (
    <section>
      <PageTitle>{t('stats.title')}</PageTitle>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          // A download's refusal was about the period before: it would stay above the new one's
          // figures (and hide that period's own error).
          setError(null);
          setPeriod(draft);
        }}
      >
        <div className="field">
          <label htmlFor="stats-from">{t('stats.from')}</label>
          <input
            id="stats-from"
            type="date"
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
            aria-describedby={dateWordsRef('stats-from', draft.from) || undefined}
          />
          <DateWords id="stats-from" value={draft.from} />
        </div>
        <div className="field">
          <label htmlFor="stats-to">{t('stats.to')}</label>
          <input
            id="stats-to"
            type="date"
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
            aria-describedby={dateWordsRef('stats-to', draft.to) || undefined}
          />
          <DateWords id="stats-to" value={draft.to} />
        </div>
        <button type="submit" className="primary">
          {t('stats.show')}
        </button>
        <button type="button" onClick={() => save('/v1/stats/agencies.xlsx', 'pantau-agencies')}>
          {t('stats.xlsx')}
        </button>
        <button type="button" onClick={() => save('/v1/stats/agencies.csv', 'pantau-agencies')}>
          {t('stats.csv')}
        </button>
        <button
          type="button"
          onClick={() =>
            save('/v1/exports/cases.xlsx', 'pantau-cases', tooLong('cases.xlsxTooLarge'))
          }
        >
          {t('cases.xlsx')}
        </button>
        <button
          type="button"
          onClick={() =>
            save('/v1/exports/cases.csv', 'pantau-cases', tooLong('cases.csvTooLarge'))
          }
        >
          {t('cases.csv')}
        </button>
      </form>
      <ProblemAlert
        error={error ?? report.error}
        labels={{ from: t('stats.from'), to: t('stats.to') }}
      />
      {report.loading && !data ? <Loading /> : null}
      {data ? (
        <>
          <p className="muted small">
            {t('stats.period', {
              from: formatDate(data.from, lang),
              to: formatDate(data.to, lang),
            })}{' '}
            · {t('stats.minimumSample', { n: data.minimumSample })}
          </p>
          {data.items.every((s) => s.assigned === 0) ? (
            // Nothing forwarded: a table of zeros would call every agency a "small sample" and
            // the chart would be a legend without bars. The files still download (a quiet
            // month is reported too).
            <p role="status">{t('stats.none')}</p>
          ) : (
            <>
              {alone ? (
                <p>
                  {t('stats.rankedNone', {
                    agency: nameOf(alone.agencyId),
                    n: data.minimumSample,
                  })}
                </p>
              ) : null}
              <div className="table-scroll">
                <table className="stats">
                  <caption className="visually-hidden">{t('stats.title')}</caption>
                  <thead>
                    <tr>
                      {COLUMNS.map(([column, label]) => (
                        <th
                          key={column}
                          scope="col"
                          aria-sort={sort.column === column ? sort.direction : 'none'}
                        >
                          <button
                            type="button"
                            className="sort"
                            {...(HINTS[column] ? { title: t(HINTS[column]) } : {})}
                            onClick={() =>
                              setSort({
                                column,
                                // Again on the same column: the other way. A rank reads from 1 first.
                                direction:
                                  sort.column === column
                                    ? sort.direction === 'descending'
                                      ? 'ascending'
                                      : 'descending'
                                    : column === 'rank'
                                      ? 'ascending'
                                      : 'descending',
                              })
                            }
                          >
                            {t(label)}
                          </button>
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((row) => (
                      <tr key={row.agencyId}>
                        <th scope="row">
                          {nameOf(row.agencyId)}
                          {row.assigned === 0 ? (
                            // No case, so no sample to call small: a row kept, as the API's.
                            // A line of its own that wraps, not a badge: the name's column kept
                            // narrow enough for the rank's at 1,280 px.
                            <span
                              className="muted small nothing-forwarded"
                              title={t('stats.nothingForwardedHint')}
                            >
                              {t('stats.nothingForwarded')}
                            </span>
                          ) : row.belowMinimumSample ? (
                            <span
                              className="badge"
                              title={t('stats.belowSampleHint', {
                                n: sampleOf(row),
                                min: data.minimumSample,
                              })}
                            >
                              {t('stats.belowSample')}
                            </span>
                          ) : null}
                        </th>
                        {COUNTS.map((k) => (
                          <td key={k}>{formatCount(row[k], lang)}</td>
                        ))}
                        <td>{formatPercent(row.responseRate, lang)}</td>
                        <td>{formatPercent(row.onTimeRate, lang)}</td>
                        <td>{formatPercent(row.acknowledgeOnTimeRate, lang)}</td>
                        <td>{row.medianWorkingDaysToFirstResponse ?? '—'}</td>
                        <td>{row.rank ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row">{t('stats.total')}</th>
                      {COUNTS.map((k) => (
                        <td key={k}>{formatCount(data.totals[k], lang)}</td>
                      ))}
                      <td>{formatPercent(data.totals.responseRate, lang)}</td>
                      <td>{formatPercent(data.totals.onTimeRate, lang)}</td>
                      <td>{formatPercent(data.totals.acknowledgeOnTimeRate, lang)}</td>
                      <td>{data.totals.medianWorkingDaysToFirstResponse ?? '—'}</td>
                      <td>—</td>
                    </tr>
                  </tfoot>
                </table>
              </div>
              {/* Rates only: an agency with nothing in its sample has no bar to draw. */}
              <Chart rows={rows.filter((row) => row.responseRate !== null)} />
            </>
          )}
        </>
      ) : null}
    </section>
  );
}

/** The two rates per agency as bars (the table above is the same data in text). */
function Chart({ rows }: { rows: readonly AgencyStats[] }) {
  const { t, lang } = useI18n();
  const { nameOf } = useAgencies();
  const bar = 18;
  const gap = 10;
  const label = 170;
  const width = 560;
  const scale = (rate: number | null) => ((rate ?? 0) * (width - label - 60)) | 0;
  const height = rows.length * (2 * bar + gap) + 30;
  return (
    // Focusable: on a phone it scrolls sideways, which the keyboard must reach too.
    <figure className="chart" tabIndex={0}>
      <figcaption>{t('stats.chart')}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('stats.chart')}>
        {rows.map((row, i) => {
          const y = i * (2 * bar + gap);
          return (
            <g key={row.agencyId}>
              <text x={0} y={y + bar - 4} className="chart-label">
                <title>{nameOf(row.agencyId)}</title>
                {labelLines(nameOf(row.agencyId)).map((line, n) => (
                  <tspan key={n} x={0} dy={n === 0 ? 0 : 15}>
                    {line}
                  </tspan>
                ))}
              </text>
              <rect
                x={label}
                y={y}
                width={scale(row.responseRate)}
                height={bar - 2}
                className="bar-response"
              >
                <title>
                  {nameOf(row.agencyId)}: {t('stats.responseRate')}{' '}
                  {formatPercent(row.responseRate, lang)}
                </title>
              </rect>
              <text x={label + scale(row.responseRate) + 4} y={y + bar - 5} className="chart-value">
                {formatPercent(row.responseRate, lang)}
              </text>
              <rect
                x={label}
                y={y + bar}
                width={scale(row.onTimeRate)}
                height={bar - 2}
                className="bar-ontime"
              >
                <title>
                  {nameOf(row.agencyId)}: {t('stats.onTimeRate')}{' '}
                  {formatPercent(row.onTimeRate, lang)}
                </title>
              </rect>
              <text
                x={label + scale(row.onTimeRate) + 4}
                y={y + 2 * bar - 5}
                className="chart-value"
              >
                {formatPercent(row.onTimeRate, lang)}
              </text>
            </g>
          );
        })}
        <g transform={`translate(${label}, ${height - 12})`}>
          <rect width={12} height={10} className="bar-response" />
          <text x={16} y={9} className="chart-value">
            {t('stats.responseRate')}
          </text>
          <rect x={170} width={12} height={10} className="bar-ontime" />
          <text x={186} y={9} className="chart-value">
            {t('stats.onTimeRate')}
          </text>
        </g>
      </svg>
    </figure>
  );
}

/**
 * A name in the chart's label column (170 units, two lines of 22 characters): its first words and
 * its last ones, which tell "Kantor Wilayah BPN Provinsi Jawa Timur" from "… Sulawesi Selatan"
 * and one Kabupaten's office from the next; a name cut at its start alone read the same for all.
 */
function labelLines(name: string, max = 22): string[] {
  if (name.length <= max) return [name];
  const words = name.split(' ');
  let first = words.shift()!;
  while (words.length > 0 && `${first} ${words[0]}`.length <= max) first += ` ${words.shift()}`;
  if (first.length > max) first = `${first.slice(0, max - 1)}…`;
  let last = words.pop();
  if (last === undefined) return [first];
  while (words.length > 0 && `${words.at(-1)} ${last}`.length < max)
    last = `${words.pop()} ${last}`;
  return [first, `${words.length > 0 ? '…' : ''}${last}`.slice(-max)];
}
