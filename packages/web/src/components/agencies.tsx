/**
 * Agencies by name, never by code: every agency's name is loaded once per session
 * (`GET /v1/agency-names`, names only), shown wherever an id would be, and searched by a picker
 * that stays usable with 600 agencies (a combobox listing the first matches, not a checkbox
 * per agency).
 */
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { allPages, api, type Schemas, unwrap } from '../api/client';
import { type Loaded, useLoad, useLoadRetried } from '../data';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

export type AgencyEntry = Schemas['AgencyName'];

interface Directory {
  readonly list: readonly AgencyEntry[];
  nameOf(id: string): string;
  /** Reads the names again (an agency added or renamed). */
  reload(): void;
}

const Context = createContext<Directory>({ list: [], nameOf: (id) => id, reload: () => {} });

/** The central unit's own tenant: never a forwarding target. */
export const CENTRAL = 'setneg';

/** Shown for an agency while the names are on their way. */
const PENDING = '…';

/** How long names may be kept before a tab coming back into view reads them again. */
const NAMES_FRESH_MS = 60_000;

export function AgencyNamesProvider({ user, children }: { user: string; children: ReactNode }) {
  const { t } = useI18n();
  const loaded = useLoadRetried(
    () => unwrap(api.GET('/v1/agency-names')).then((r) => r.items),
    [user],
  );
  // A console open since the morning learns of an agency an admin added meanwhile when its tab
  // is looked at again (at most once a minute), not only on a reload.
  const readAt = useRef(Date.now());
  const { reload } = loaded;
  const again = useCallback(() => {
    readAt.current = Date.now();
    reload();
  }, [reload]);
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible' && Date.now() - readAt.current > NAMES_FRESH_MS)
        again();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [again]);
  const value = useMemo<Directory>(() => {
    const list = [...(loaded.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'id'));
    const byId = new Map(list.map((a) => [a.id, a.name]));
    // Until the names arrive, a mark, never the code; for an agency removed since, the id is
    // all there is.
    const unknown = loaded.data ? (id: string) => id : () => PENDING;
    return { list, nameOf: (id) => byId.get(id) ?? unknown(id), reload: again };
  }, [loaded.data, again]);
  return (
    <Context value={value}>
      {loaded.error && !loaded.data ? (
        <div className="alert alert-error" role="alert">
          {t('agencies.unavailable')}{' '}
          <button type="button" onClick={again}>
            {t('agencies.reload')}
          </button>
        </div>
      ) : null}
      {children}
    </Context>
  );
}

export const useAgencies = (): Directory => useContext(Context);

/**
 * Options in the order people look for them, by the name they read (Indonesian collation, as
 * the directory's list): a focal point's units come from the API by code.
 */
export const byLabel = (a: { label: string }, b: { label: string }): number =>
  a.label.localeCompare(b.label, 'id');

/**
 * A focal point's member units, by id: from `GET /v1/agencies` (for an agency: itself and its
 * member units), the one list that knows who belongs to whom, every page of it (ATR/BPN has
 * more land offices than one page holds). `null`: none, without asking.
 */
export function useMemberUnits(focalPointId: string | null): Loaded<string[]> {
  return useLoad(
    () =>
      // None asked (a reader who may not act for member units): no request.
      focalPointId === null
        ? Promise.resolve([])
        : allPages((cursor) =>
            unwrap(
              api.GET('/v1/agencies', {
                params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } },
              }),
            ),
          ).then((all) => all.filter((m) => m.focalPointId === focalPointId).map((m) => m.id)),
    [focalPointId],
  );
}

export function AgencyName({ id }: { id: string }) {
  return <>{useAgencies().nameOf(id)}</>;
}

/** Lower case, without accents or punctuation: "Kanwil BPN" finds "kanwil-bpn-ntt". */
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The agencies matching a query, by name or id, every word anywhere; `limit` at most. */
export function searchAgencies(
  list: readonly AgencyEntry[],
  query: string,
  limit: number,
): { items: AgencyEntry[]; total: number } {
  const words = fold(query).split(' ').filter(Boolean);
  const matches = list.filter((a) => {
    const hay = `${fold(a.name)} ${fold(a.id)}`;
    return words.every((w) => hay.includes(w));
  });
  return { items: matches.slice(0, limit), total: matches.length };
}

const SHOWN = 12;

/**
 * Tells a form that its picker holds text that is not a picked agency (`useForm`'s `hold`),
 * or no longer does (null): the form then refuses to send rather than drop what was typed.
 */
export type PickerHold = (message: MessageKey | null) => void;

/**
 * Search an agency by name and pick it (ARIA 1.2 combobox with a listbox: arrows move, Enter
 * picks, Escape closes the list, a second Escape clears the text). `suggested` ones come first;
 * `exclude`d ones are not offered. The list opens over what follows, never pushing it down:
 * closing it (the input's blur, on the mousedown of a click on the button below) must not move
 * that button from under the pointer.
 */
export function AgencyPicker({
  label,
  hint,
  error,
  exclude,
  suggested,
  suggestedBadge,
  onPick,
  inputId,
  hold,
}: {
  label: string;
  hint?: string;
  error?: string | undefined;
  exclude?: ReadonlySet<string>;
  suggested?: ReadonlySet<string>;
  /** What the `suggested` ones are marked with (default: suggested by an agency's "not ours"). */
  suggestedBadge?: string;
  onPick: (agency: AgencyEntry) => void;
  inputId?: string;
  hold?: PickerHold | undefined;
}) {
  const { t } = useI18n();
  const { list } = useAgencies();
  const own = useId();
  const id = inputId ?? own;
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const offered = useMemo(() => {
    const candidates = list.filter((a) => !exclude?.has(a.id));
    const first = suggested ? candidates.filter((a) => suggested.has(a.id)) : [];
    const rest = candidates.filter((a) => !suggested?.has(a.id));
    return [...first, ...rest];
  }, [list, exclude, suggested]);
  const found = searchAgencies(offered, query, SHOWN);
  const listId = `${id}-list`;
  // A name typed but not picked is no agency: the form must not send as if nothing was typed.
  const unpicked = query.trim() !== '';
  useEffect(() => {
    if (!hold) return;
    hold(unpicked ? 'picker.unpicked' : null);
    return () => hold(null);
  }, [hold, unpicked]);
  // The option the arrows reach stays in view in the list's own scroll.
  useEffect(() => {
    if (open)
      document.getElementById(`${id}-opt-${active}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [open, active, id]);
  const pick = (agency: AgencyEntry | undefined) => {
    if (!agency) return;
    onPick(agency);
    setQuery('');
    setOpen(false);
    setActive(0);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((n) => Math.min(n + 1, found.items.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((n) => Math.max(n - 1, 0));
    } else if (e.key === 'Enter') {
      if (open && found.items.length > 0) {
        e.preventDefault();
        pick(found.items[active]);
      }
    } else if (e.key === 'Escape') {
      // The APG combobox: the first closes the list, the text kept; the next clears the text
      // (a name typed wrongly, started again without holding Backspace).
      if (open) setOpen(false);
      else {
        setQuery('');
        setActive(0);
      }
    }
  };
  const describedBy = [hint ? `${id}-hint` : '', `${id}-count`, error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`field picker${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="picker-box">
        <input
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && found.items[active] ? `${id}-opt-${active}` : undefined}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          placeholder={t('picker.search')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
            setActive(0);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKey}
        />
        {/* Over the page, under the input: its opening and closing move nothing below. */}
        <div className="picker-pop">
          <p className="hint picker-count" id={`${id}-count`} aria-live="polite">
            {open
              ? found.total === 0
                ? t('picker.none')
                : t('picker.results', { n: found.total })
              : ''}
          </p>
          <ul
            id={listId}
            role="listbox"
            aria-label={label}
            className="picker-list"
            hidden={!open || found.items.length === 0}
          >
            {found.items.map((agency, i) => (
              <li
                key={agency.id}
                id={`${id}-opt-${i}`}
                role="option"
                aria-selected={i === active}
                // Before the input's blur: a click picks rather than closing the list first.
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(agency);
                }}
              >
                {agency.name}
                {suggested?.has(agency.id) ? (
                  <span className="badge">{suggestedBadge ?? t('caseActions.suggested')}</span>
                ) : null}
              </li>
            ))}
            {found.total > found.items.length ? (
              <li role="presentation" className="muted small">
                {t('picker.more', { n: found.total - found.items.length })}
              </li>
            ) : null}
          </ul>
        </div>
      </div>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** One agency chosen with the picker, shown by name with a way to clear it. */
export function AgencySelect({
  label,
  hint,
  error,
  value,
  onChange,
  exclude,
  inputId,
  hold,
}: {
  label: string;
  hint?: string;
  error?: string | undefined;
  value: string | undefined;
  onChange: (id: string | undefined) => void;
  exclude?: ReadonlySet<string>;
  inputId?: string;
  /** In a form: refuse to send while a name is typed but not picked (`useForm`'s `hold`). */
  hold?: PickerHold | undefined;
}) {
  const { t } = useI18n();
  const { nameOf } = useAgencies();
  const own = useId();
  const id = inputId ?? own;
  const change = useRef<HTMLButtonElement>(null);
  // Picking (or "Ganti") removes the control that had focus: focus goes to what replaced it
  // (the choice, said by its button; or the search box), not to <body>, where a screen reader
  // says nothing and the keyboard starts again from the top. Not on mount (a restored draft).
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    (value ? change.current : document.getElementById(id))?.focus();
  }, [value, id]);
  const choose = (next: string | undefined) => {
    moved.current = true;
    onChange(next);
  };
  if (value) {
    return (
      <div className="field">
        <span className="label">{label}</span>
        <p className="chosen">
          <strong>{nameOf(value)}</strong>{' '}
          <button ref={change} type="button" onClick={() => choose(undefined)}>
            {t('picker.change', { agency: nameOf(value) })}
          </button>
        </p>
      </div>
    );
  }
  return (
    <AgencyPicker
      label={label}
      {...(hint ? { hint } : {})}
      error={error}
      {...(exclude ? { exclude } : {})}
      inputId={id}
      hold={hold}
      onPick={(a) => choose(a.id)}
    />
  );
}
