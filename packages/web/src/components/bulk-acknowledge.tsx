/**
 * Acknowledging many at once, an agency's morning with the night's arrivals: the queue's
 * pending rows are chosen with a checkbox, then acknowledged one request each, in turn, so each
 * keeps its own outcome. What failed is named by its agenda number and subject, with the reason
 * in a sentence, and stays chosen for another try (unless it was withdrawn, redirected or
 * forwarded elsewhere meanwhile).
 */
import { useEffect, useRef, useState } from 'react';
import { api, ApiError, type Schemas, unwrap } from '../api/client';
import { type Translate, useI18n } from '../i18n/i18n';
import { problemSentence } from './ui';

type Assignment = Schemas['Assignment'];

/** One row's key in a selection: the assignment is the case × agency pair. */
export const rowKey = (a: Pick<Assignment, 'caseId' | 'agencyId'>): string =>
  `${a.caseId}/${a.agencyId}`;

/** Only what is waiting for its acknowledgement can be acknowledged. */
export const acknowledgeable = (a: Pick<Assignment, 'state'>): boolean => a.state === 'pending';

/** The table's checkboxes: which rows are chosen, and how a row or all of them change. */
export interface Selection {
  readonly chosen: ReadonlySet<string>;
  toggle(key: string, on: boolean): void;
  toggleAll(on: boolean): void;
}

export function useSelection(items: readonly Assignment[]): Selection & {
  /** The chosen rows still listed (a reload may have taken some away). */
  readonly rows: readonly Assignment[];
  /** Every listed row that can be acknowledged is chosen (and there is one). */
  readonly all: boolean;
  set(keys: ReadonlySet<string>): void;
} {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const rows = items.filter((a) => acknowledgeable(a) && chosen.has(rowKey(a)));
  const choosable = items.filter(acknowledgeable);
  return {
    chosen,
    rows,
    all: choosable.length > 0 && rows.length === choosable.length,
    set: setChosen,
    toggle: (key, on) =>
      setChosen((prev) => {
        const next = new Set(prev);
        if (on) next.add(key);
        else next.delete(key);
        return next;
      }),
    toggleAll: (on) =>
      setChosen(on ? new Set(items.filter(acknowledgeable).map(rowKey)) : new Set()),
  };
}

/**
 * A row as an officer finds its case: by agenda number and subject (the case page's heading and
 * the letters carry both); one without a subject by its agenda number, not the same words for
 * every such case. A row without one (a view read elsewhere) by its subject alone.
 */
function rowName(t: Translate, a: Assignment): string {
  if (!a.agendaNumber) return a.subject ?? t('case.untitled');
  return a.subject
    ? t('bulk.row', { agenda: a.agendaNumber, subject: a.subject })
    : t('bulk.rowUntitled', { agenda: a.agendaNumber });
}

interface Outcome {
  readonly done: number;
  readonly failed: readonly { readonly subject: string; readonly reason: string }[];
}

export function BulkAcknowledge({
  selection,
  onDone,
  offered,
}: {
  selection: ReturnType<typeof useSelection>;
  /** After the last request: the list is read again. */
  onDone: () => void;
  /** Something listed awaits acknowledgement: the button is offered. */
  offered: boolean;
}) {
  const { t } = useI18n();
  const [progress, setProgress] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const rows = selection.rows;
  const busy = progress !== null;
  // Keyboard focus follows the run (the button goes disabled, then away when nothing is left
  // pending): to the progress line as it starts, then to what failed, if anything did; never
  // to <body>, from where the officer would tab through the page again to find their place.
  const status = useRef<HTMLDivElement>(null);
  const failure = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome && outcome.failed.length > 0) failure.current?.focus();
  }, [outcome]);

  const run = async () => {
    setOutcome(null);
    status.current?.focus();
    const failed: { subject: string; reason: string }[] = [];
    const stillChosen = new Set<string>();
    let done = 0;
    for (const [i, a] of rows.entries()) {
      setProgress(i);
      try {
        await unwrap(
          api.POST('/v1/cases/{id}/assignments/{agencyId}/acknowledge', {
            params: { path: { id: a.caseId, agencyId: a.agencyId } },
            body: {},
          }),
        );
        done += 1;
      } catch (error) {
        // Withdrawn or redirected meanwhile (acknowledging twice is no error): said as such,
        // not as "reload the page" (the list is read again below). A 404: the assignment is no
        // longer the agency's (forwarded again elsewhere): not the tenancy "not your agency's".
        const code = error instanceof ApiError ? error.problem?.code : undefined;
        const moved = code === 'invalid_transition' || code === 'not_found';
        const reason =
          code === 'invalid_transition'
            ? t('bulk.notPending')
            : code === 'not_found'
              ? t('bulk.notOurs')
              : problemSentence(t, error);
        failed.push({ subject: rowName(t, a), reason });
        if (!moved) stillChosen.add(rowKey(a));
      }
    }
    setProgress(null);
    selection.set(stillChosen);
    setOutcome({ done, failed });
    onDone();
  };

  if (!offered && !busy && outcome === null) return null;
  return (
    <div className="bulk-actions">
      {/* Here, not in the table's header: a phone shows the table as cards, its header
          hidden, and a checkbox there would take focus unseen. */}
      {offered ? (
        <label className="choice">
          <input
            type="checkbox"
            checked={selection.all}
            disabled={busy}
            onChange={(e) => selection.toggleAll(e.target.checked)}
          />
          {t('bulk.selectAll')}
        </label>
      ) : null}
      {offered || busy ? (
        <button
          type="button"
          className="primary"
          disabled={busy || rows.length === 0}
          aria-busy={busy}
          onClick={() => void run()}
        >
          {t('bulk.acknowledge', { n: rows.length })}
        </button>
      ) : null}
      <div role="status" aria-live="polite" ref={status} tabIndex={-1}>
        {busy ? (
          <p className="muted">{t('bulk.progress', { done: progress + 1, n: rows.length })}</p>
        ) : null}
        {outcome && outcome.done > 0 ? (
          <p className="ok">{t('bulk.done', { n: outcome.done })}</p>
        ) : null}
      </div>
      {outcome && outcome.failed.length > 0 ? (
        <div className="alert alert-error" role="alert" ref={failure} tabIndex={-1}>
          <strong>{t('bulk.failed', { n: outcome.failed.length })}</strong>
          <ul>
            {outcome.failed.map((f, i) => (
              <li key={i}>
                {f.subject}: {f.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
