import type { Schemas } from '../../api/client';
import { useAgencies } from '../../components/agencies';
import { FoldedText } from '../../components/folded-text';
import { Loading, Pager, ProblemAlert, Time } from '../../components/ui';
import type { Paged } from '../../data';
import { dateIn, formatDate, formatInstant, type TimeZone } from '../../format';
import { labelOf, useI18n } from '../../i18n/i18n';
import { actorKind, describeEvent, eventText } from '../../timeline';

/**
 * The case's history, newest first, a page at a time: a case sent to sixty agencies holds
 * thousands of entries, and the older ones are a "Muat lebih banyak" away, never cut off.
 */
export function Timeline({
  events,
  zone,
  zoneOf,
}: {
  events: Paged<Schemas['TimelineEvent']>;
  zone: TimeZone;
  /** An agency's zone on this case: its deadlines end at the end of its day, said so there. */
  zoneOf: (agencyId: string) => TimeZone | undefined;
}) {
  const { t, lang } = useI18n();
  const { nameOf } = useAgencies();
  // An agency's event says its deadlines in its zone, as its card above does (Jayapura's day
  // ends at 23.59 WIT; central read "21.59 WIB" here).
  const whenOf = (e: Schemas['TimelineEvent']) => {
    const at = (e.agencyId ? zoneOf(e.agencyId) : undefined) ?? zone;
    return (iso: string) => formatInstant(iso, at, lang);
  };
  // A ladder step taken at 00:00 on a Saturday or a holiday: its letter is dated the working
  // day it goes out, as the ladder and the Letters page say (it read "Sab, 11 Apr 00.00" alone).
  const letterDate = (e: Schemas['TimelineEvent']): string[] => {
    const datedOn = e.type === 'escalation_step' ? e.data.datedOn : undefined;
    if (typeof datedOn !== 'string') return [];
    const at = (e.agencyId ? zoneOf(e.agencyId) : undefined) ?? zone;
    return datedOn === dateIn(e.at, at)
      ? []
      : [t('timeline.letterDated', { date: formatDate(datedOn, lang) })];
  };
  return (
    <section className="card timeline" aria-labelledby="timeline">
      <h2 id="timeline">{t('case.timeline')}</h2>
      <p className="muted small">{t('case.timelineNewestFirst')}</p>
      <ProblemAlert error={events.error} />
      {events.loading && events.items.length === 0 ? <Loading /> : null}
      <ol>
        {events.items.map((e) => {
          const actor = actorKind(e.actor);
          const changed = [...describeEvent(e, t, nameOf, whenOf(e)), ...letterDate(e)];
          const written = eventText(e);
          return (
            <li key={e.id}>
              <Time at={e.at} zone={zone} />
              <div>
                <strong>{labelOf(t, 'event', e.type)}</strong>
                {e.agencyId ? <span className="muted"> · {nameOf(e.agencyId)}</span> : null}
              </div>
              {changed.length > 0 ? <div>{changed.join(' · ')}</div> : null}
              {written ? <FoldedText text={written} /> : null}
              <div className="muted small">
                {actor.kind === 'person'
                  ? `${labelOf(t, 'role', actor.role)} · ${nameOf(actor.agency)}`
                  : t(`actor.${actor.kind}`)}
              </div>
            </li>
          );
        })}
      </ol>
      <Pager hasMore={events.hasMore} loading={events.loading} onMore={events.loadMore} />
    </section>
  );
}
