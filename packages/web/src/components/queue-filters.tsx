/**
 * The queue's filters, and how they become the API's query: "overdue on a target" implies
 * overdue, "members" and "held by" only exist for a focal point's coordinator, and "All" takes
 * in the ended assignments (completed, redirected) only when asked. The filters live in the URL.
 */
import { useEffect, useId, useState } from 'react';
import { AgencyIdSchema, ASSIGNMENT_STATES, NO_MEMBER_UNIT } from '@pantau/core/schemas';
import type { paths } from '../api/schema';
import { TARGETS } from '../deadline';
import { labelOf, useI18n } from '../i18n/i18n';

export type QueueQuery = NonNullable<paths['/v1/queue']['get']['parameters']['query']>;
type State = NonNullable<QueueQuery['state']>;

export interface QueueFilterState {
  state: State | '';
  target: (typeof TARGETS)[number] | '';
  overdueOnly: boolean;
  members: boolean;
  /** With "All": the completed and redirected ones too, after the open ones. */
  ended: boolean;
  /** The member unit holding them ('none': no unit; '': any), of the focal point's own. */
  delegatedTo: string;
}

export const NO_FILTERS: QueueFilterState = {
  state: '',
  target: '',
  overdueOnly: false,
  members: false,
  ended: false,
  delegatedTo: '',
};

const STATES: readonly string[] = ASSIGNMENT_STATES;

/** The filters as URL query values (defaults left out), and back. */
export const URL_DEFAULTS = {
  state: '',
  target: '',
  overdue: '',
  members: '',
  ended: '',
  delegatedTo: '',
};
export function filtersFromUrl(v: typeof URL_DEFAULTS): QueueFilterState {
  return {
    state: STATES.includes(v.state) ? (v.state as State) : '',
    target: (TARGETS as readonly string[]).includes(v.target)
      ? (v.target as QueueFilterState['target'])
      : '',
    overdueOnly: v.overdue === '1',
    members: v.members === '1',
    ended: v.ended === '1',
    // A unit's id or 'none' (the API says if it is no member unit).
    delegatedTo: AgencyIdSchema.safeParse(v.delegatedTo).success ? v.delegatedTo : '',
  };
}
export const filtersToUrl = (f: QueueFilterState): typeof URL_DEFAULTS => ({
  state: f.state,
  target: f.target,
  overdue: f.overdueOnly ? '1' : '',
  members: f.members ? '1' : '',
  ended: f.ended ? '1' : '',
  delegatedTo: f.delegatedTo,
});

/** The state and overdue filters, as an agency's queue and central's worklist both take them. */
export const stateQuery = (f: QueueFilterState) => ({
  ...(f.state ? { state: f.state } : {}),
  ...(f.target ? { target: f.target, overdue: 'true' as const } : {}),
  ...(f.overdueOnly && !f.target ? { overdue: 'true' as const } : {}),
});

export function queueQuery(f: QueueFilterState, canSeeMembers: boolean): QueueQuery {
  // Who holds them is of the focal point's own assignments: its member units' own queues are
  // left out while a holder is chosen (the API takes the two together as a mistake).
  const heldBy = canSeeMembers && f.delegatedTo !== '';
  return {
    ...stateQuery(f),
    scope: f.members && canSeeMembers && !heldBy ? 'members' : 'own',
    ...(f.ended && !f.state ? { ended: 'true' as const } : {}),
    ...(heldBy ? { delegatedTo: f.delegatedTo } : {}),
  };
}

export function QueueFilters({
  value,
  onChange,
  canSeeMembers,
  canSeeEnded = true,
  units = [],
}: {
  value: QueueFilterState;
  onChange: (next: QueueFilterState) => void;
  canSeeMembers: boolean;
  /** A focal point's coordinator's member units, in the order offered: "held by" each. */
  units?: readonly { value: string; label: string }[];
  /** "All" with the ended ones (an agency's queue; central's worklist lists by state). */
  canSeeEnded?: boolean;
}) {
  const { t } = useI18n();
  const id = useId();
  const set = <K extends keyof QueueFilterState>(key: K, v: QueueFilterState[K]) =>
    onChange({ ...value, [key]: v });
  // The filters in force, as the form below shows them: said on the fold when it is closed.
  const active = [
    value.state !== '',
    value.target !== '',
    value.overdueOnly && value.target === '',
    value.ended && value.state === '' && canSeeEnded,
    value.delegatedTo !== '' && units.length > 0,
    value.members && canSeeMembers && !(units.length > 0 && value.delegatedTo !== ''),
  ].filter(Boolean).length;
  // On a phone the filters fold under "Saring" (five fields stood 300 px above the rows, and the
  // first row began past the first screen), open where some are in force; on a wider screen
  // they stand open, the fold's summary hidden (styles.css).
  const narrow = useNarrow();
  const [open, setOpen] = useState(() => !narrow || active > 0);
  useEffect(() => {
    if (!narrow) setOpen(true);
  }, [narrow]);
  return (
    <details className="filters-fold" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{active > 0 ? t('filters.labelActive', { n: active }) : t('filters.label')}</summary>
      <QueueFilterFields
        value={value}
        set={set}
        id={id}
        canSeeMembers={canSeeMembers}
        canSeeEnded={canSeeEnded}
        units={units}
      />
    </details>
  );
}

/** Where the page is a phone's: one column (styles.css, `max-width: 600px`). */
const NARROW = '(max-width: 600px)';

function useNarrow(): boolean {
  const query = () => (typeof window.matchMedia === 'function' ? window.matchMedia(NARROW) : null);
  const [narrow, setNarrow] = useState(() => query()?.matches ?? false);
  useEffect(() => {
    const media = query();
    if (!media) return;
    const changed = () => setNarrow(media.matches);
    media.addEventListener('change', changed);
    return () => media.removeEventListener('change', changed);
  }, []);
  return narrow;
}

function QueueFilterFields({
  value,
  set,
  id,
  canSeeMembers,
  canSeeEnded,
  units,
}: {
  value: QueueFilterState;
  set: <K extends keyof QueueFilterState>(key: K, v: QueueFilterState[K]) => void;
  id: string;
  canSeeMembers: boolean;
  canSeeEnded: boolean;
  units: readonly { value: string; label: string }[];
}) {
  const { t } = useI18n();
  return (
    <form className="filters" aria-label={t('filters.label')} onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor={`${id}-state`}>{t('filters.state')}</label>
        <select
          id={`${id}-state`}
          value={value.state}
          onChange={(e) => set('state', e.target.value as State | '')}
        >
          <option value="">{t('filters.all')}</option>
          {ASSIGNMENT_STATES.map((s) => (
            <option key={s} value={s}>
              {labelOf(t, 'state', s)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-target`}>{t('filters.overdueTarget')}</label>
        <select
          id={`${id}-target`}
          value={value.target}
          onChange={(e) => set('target', e.target.value as QueueFilterState['target'])}
        >
          <option value="">{t('filters.any')}</option>
          {TARGETS.map((target) => (
            <option key={target} value={target}>
              {labelOf(t, 'target', target)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-check">
        <input
          id={`${id}-overdue`}
          type="checkbox"
          checked={value.overdueOnly || value.target !== ''}
          disabled={value.target !== ''}
          onChange={(e) => set('overdueOnly', e.target.checked)}
        />
        <label htmlFor={`${id}-overdue`}>{t('filters.overdueOnly')}</label>
      </div>
      {value.state === '' && canSeeEnded ? (
        <div className="field field-check">
          <input
            id={`${id}-ended`}
            type="checkbox"
            checked={value.ended}
            onChange={(e) => set('ended', e.target.checked)}
          />
          <label htmlFor={`${id}-ended`}>{t('filters.ended')}</label>
        </div>
      ) : null}
      {units.length > 0 ? (
        <div className="field">
          <label htmlFor={`${id}-held`}>{t('filters.heldBy')}</label>
          <select
            id={`${id}-held`}
            value={value.delegatedTo}
            onChange={(e) => set('delegatedTo', e.target.value)}
          >
            <option value="">{t('filters.all')}</option>
            <option value={NO_MEMBER_UNIT}>{t('filters.heldByNone')}</option>
            {units.map((u) => (
              <option key={u.value} value={u.value}>
                {u.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {canSeeMembers && !(units.length > 0 && value.delegatedTo !== '') ? (
        <div className="field field-check">
          <input
            id={`${id}-members`}
            type="checkbox"
            checked={value.members}
            onChange={(e) => set('members', e.target.checked)}
          />
          <label htmlFor={`${id}-members`}>{t('filters.members')}</label>
        </div>
      ) : null}
    </form>
  );
}
