import { Link } from 'wouter';
import type { Schemas } from '../../api/client';
import { useSignedIn } from '../../auth/session-context';
import { AgencyName, useAgencies } from '../../components/agencies';
import { useFailedLetterGroups } from '../../components/failed-letter-actions';
import { TARGETS } from '../../deadline';
import { formatDay } from '../../format';
import { levelLabel, useI18n } from '../../i18n/i18n';
import { byAgencyName } from '../../stats';

/**
 * Overdue assignments counted per agency, worst first: the furthest up the ladder (an agency at
 * central intervention has been silent past every letter), then the most overdue, ties by the
 * agency's name. With since when each is late (`since`): the earliest deadline it missed among
 * them, an unmet target due before the API's `now` (null while that clock is unknown).
 */
export function overdueByAgency(
  items: readonly Schemas['Assignment'][],
  nameOf: (id: string) => string,
  now: Date | null = null,
): { agencyId: string; count: number; level: number; since: string | null }[] {
  const byName = byAgencyName(nameOf);
  return [...Map.groupBy(items, (a) => a.agencyId)]
    .map(([agencyId, list]) => ({
      agencyId,
      count: list.length,
      level: Math.max(...list.map((a) => a.escalationLevel)),
      since: now ? earliestMissed(list, now) : null,
    }))
    .sort((x, y) => y.level - x.level || y.count - x.count || byName(x, y));
}

/** The earliest deadline missed among `list`: a target unmet and due before `now`. */
function earliestMissed(list: readonly Schemas['Assignment'][], now: Date): string | null {
  const missed = list.flatMap((a) =>
    TARGETS.filter((t) => a.met[t] === null && Date.parse(a.due[t]) < now.getTime()).map(
      (t) => a.due[t],
    ),
  );
  return missed.reduce<string | null>(
    (soonest, due) => (soonest === null || Date.parse(due) < Date.parse(soonest) ? due : soonest),
    null,
  );
}

/**
 * Overdue assignments counted per agency, worst first, and since when each is late: who to
 * chase. An agency whose latest letter failed is flagged, with why: it has not ignored the
 * ladder, no letter reached it (its address is wrong), so central phones it and has the address
 * corrected rather than escalating further.
 */
export function ByAgency({
  items,
  complete,
  now,
  rows,
}: {
  items: readonly Schemas['Assignment'][];
  /** The worst `rows` agencies only (the desk's first screen); every one if none. */
  rows?: number;
  /** Every overdue assignment is in `items`; otherwise the counts are of the first ones. */
  complete: boolean;
  /** The API's clock (null until known): what a missed deadline is counted against. */
  now: Date | null;
}) {
  const { t, lang } = useI18n();
  const { zone } = useSignedIn();
  const { nameOf } = useAgencies();
  const counts = overdueByAgency(items, nameOf, now);
  const unreached = useUnreached();
  if (counts.length === 0) return <p className="muted">{t('common.empty')}</p>;
  return (
    <div className="table-scroll">
      <p className="muted">
        {t(complete ? 'desk.overdueSummary' : 'desk.overdueSummaryPartial', {
          n: items.length,
          agencies: counts.length,
        })}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('queue.agency')}</th>
            <th scope="col">{t('desk.overdueCount')}</th>
            <th scope="col">{t('queue.level')}</th>
          </tr>
        </thead>
        <tbody>
          {counts.slice(0, rows).map((row) => (
            <tr key={row.agencyId}>
              <td>
                {/* Opens that agency's overdue assignments: the count, one by one. */}
                <Link href={`/assignments?agency=${row.agencyId}&overdue=1`}>
                  <AgencyName id={row.agencyId} />
                </Link>
                {/* How long it has been silent: the day its oldest missed deadline passed. */}
                {row.since ? (
                  <div className="muted small">
                    {t('desk.overdueSince', { date: formatDay(row.since, zone, lang) })}
                  </div>
                ) : null}
                {unreached.has(row.agencyId) ? (
                  <div className="error small">
                    {t('desk.latestFailed', {
                      reason: t(`letterFailure.${unreached.get(row.agencyId)!}`),
                    })}
                  </div>
                ) : null}
              </td>
              <td>{row.count}</td>
              {/* Its words whole on a phone ("Surat penegasan", not "penegasa" over "n"): the
                  column narrowed beside the agencies' long names. */}
              <td className="label">{row.level > 0 ? levelLabel(t, row.level) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The agencies whose latest letter failed, with why (the failed letters per agency, as the
 * failed-letters card reads them, and again when central acts on them): none while they load,
 * or if the read fails (the card says so).
 */
function useUnreached(): ReadonlyMap<string, Schemas['FailedLetterGroup']['failure']> {
  const groups = useFailedLetterGroups();
  return new Map(
    (groups.data?.items ?? []).filter((g) => g.latestFailed).map((g) => [g.agencyId, g.failure]),
  );
}
