/** Small shared pieces: problem alerts, submit buttons with progress, pagers, dates, badges. */
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { type DeadlineStatus, deadlineStatus } from '../deadline';
import { formatInstant, type TimeZone } from '../format';
import { fieldSentence, serverIssue } from '../forms/field-errors';
import type { Form } from '../forms/use-form';
import { labelOf, type Translate, useI18n } from '../i18n/i18n';
import { type MessageKey, messages } from '../i18n/messages';

/**
 * A failed call in the user's words: one sentence per problem code the API can answer (the
 * API's `detail` is for developers: it may name records by id). The request id stays, for
 * whoever the user asks for help.
 */
export function ProblemAlert({
  error,
  labels = {},
  audience = 'console',
}: {
  error: unknown;
  /**
   * The label of each field a 400 may name (`from` → "Dari tanggal"), for a page whose inputs
   * are not a `useForm` (which shows each error at its field instead).
   */
  labels?: Readonly<Record<string, string>>;
  audience?: Audience | undefined;
}) {
  const { t } = useI18n();
  if (!error) return null;
  // A 400's field errors, each in a sentence: "see the note at each field" would point at
  // fields that show none.
  const fields =
    error instanceof ApiError && error.problem?.code === 'validation_failed'
      ? Object.entries(error.fieldErrors)
      : [];
  return (
    <div className="alert alert-error" role="alert">
      <strong>
        {fields.length > 0 ? t('problem.fieldsListed') : problemSentence(t, error, audience)}
      </strong>
      {fields.length > 0 ? (
        <ul>
          {fields.map(([path, message]) => (
            <li key={path}>{fieldSentence(t, serverIssue(message), labels[path])}</li>
          ))}
        </ul>
      ) : null}
      {error instanceof ApiError && error.problem ? (
        <p className="muted small">
          {t('problem.requestId')}: {error.problem.requestId}
        </p>
      ) : null}
    </div>
  );
}

/**
 * What the console itself refuses before asking the API, said in the user's words (or the API's
 * refusal said so: `saying` keeps it as the `cause`).
 */
export class Refusal extends Error {
  override name = 'Refusal';
}

/**
 * `error` as it is, unless the API refused with `code`: then `sentence`, which says what to do
 * about it where the user is (the general sentence for a code cannot).
 */
export const saying =
  (code: string, sentence: string) =>
  (error: unknown): unknown =>
    error instanceof ApiError && error.problem?.code === code
      ? new Refusal(sentence, { cause: error })
      : error;

/**
 * A save made on the version its form was loaded at (`version` in the body), for a record any
 * central admin may edit: when another admin has saved it since (409 `version_conflict`),
 * `refused` makes the error `sentence` (what happened, where the form is) and `reloadButton`
 * offers theirs. The admin's values stay in the form until they ask: `reload` remakes it.
 * `refused` takes another sentence when the form knows better what changed (the complainant's
 * reply, not a colleague).
 */
export function useSavedSince(sentence: string, reload: () => void) {
  const { t } = useI18n();
  const [since, setSince] = useState(false);
  return {
    refused: (error: unknown, instead?: string): unknown => {
      const said = saying('version_conflict', instead ?? sentence)(error);
      if (said !== error) setSince(true);
      return said;
    },
    reloadButton: since ? (
      <p>
        <button
          type="button"
          onClick={() => {
            setSince(false);
            reload();
          }}
        >
          {t('common.reloadLatest')}
        </button>
      </p>
    ) : null,
  };
}

/**
 * Whom a problem is said to: the console's officers, or a complainant on the public pages, who
 * has no agency, no list of cases and no admin to ask (`publicProblem.*`, where the officers'
 * sentence would send them there; the others are said alike).
 */
export type Audience = 'console' | 'public';

export function problemSentence(
  t: Translate,
  error: unknown,
  audience: Audience = 'console',
): string {
  if (error instanceof Refusal) return error.message;
  if (!(error instanceof ApiError)) return t('problem.network');
  // A cap the domain sets: what to do instead (ask for more time rather than pause again).
  const limit = error.problem?.limit;
  if (error.problem?.code === 'limit_exceeded' && limit) return t(`problem.limit.${limit}`);
  const code =
    error.problem?.code ??
    // API Gateway's own throttle answers a bare `{"message":"Too Many Requests"}`: still a 429,
    // where "reload the page" would only make it worse.
    (error.status === 429 ? 'rate_limited' : error.status >= 500 ? 'internal_error' : 'http_error');
  const own = `publicProblem.${code}` as MessageKey;
  if (audience === 'public' && own in messages.id) return t(own);
  return t(`problem.${code}`);
}

/**
 * The form's errors listed above it, each a link to its field (each error also sits at its
 * field): a screen reader hears them at once, and an error about a whole group (`assignments`)
 * has somewhere to show.
 */
export function FormErrors({
  errors,
  field,
}: {
  errors: Record<string, string>;
  field?: (path: string) => { id?: string } | undefined;
}) {
  const { t } = useI18n();
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div className="alert alert-error" role="alert">
      <strong>{t('form.summary')}</strong>
      <ul>
        {entries.map(([path, message]) => {
          const id = field?.(path)?.id;
          return (
            <li key={path}>
              {id ? (
                <a
                  href={`#${id}`}
                  onClick={(e) => {
                    e.preventDefault();
                    document.getElementById(id)?.focus();
                  }}
                >
                  {message}
                </a>
              ) : (
                message
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * What went wrong with a submit, above the form: the problem or the list of field errors. It
 * takes focus after each failed submit, so the user (and a screen reader) lands on it even at
 * the bottom of a long page.
 */
export function FormFeedback({
  form,
  audience,
}: {
  form: Pick<Form<never>, 'errors' | 'failure' | 'failures' | 'field'>;
  audience?: Audience | undefined;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (form.failures > 0) ref.current?.focus();
  }, [form.failures]);
  return (
    <div ref={ref} tabIndex={-1} className="form-feedback">
      <ProblemAlert error={form.failure} audience={audience} />
      <FormErrors errors={form.errors} field={form.field} />
    </div>
  );
}

export function SubmitButton({ busy, children }: { busy: boolean; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
      {busy ? t('common.working') : children}
    </button>
  );
}

/** "Load more" for cursor-paged lists: the API's `nextCursor` decides whether it shows. */
export function Pager({
  hasMore,
  loading,
  onMore,
}: {
  hasMore: boolean;
  loading: boolean;
  onMore: () => void;
}) {
  const { t } = useI18n();
  if (!hasMore) return null;
  return (
    <div className="pager">
      <button type="button" onClick={onMore} disabled={loading} aria-busy={loading}>
        {loading ? t('common.loading') : t('common.loadMore')}
      </button>
    </div>
  );
}

export function Time({ at, zone }: { at: string | null | undefined; zone: TimeZone }) {
  const { lang } = useI18n();
  if (!at) return <span className="muted">—</span>;
  return <time dateTime={at}>{formatInstant(at, zone, lang)}</time>;
}

export function StatusBadge({ prefix, value }: { prefix: string; value: string }) {
  const { t } = useI18n();
  return <span className={`badge badge-${value}`}>{labelOf(t, prefix, value)}</span>;
}

export function DeadlineBadge({ status }: { status: DeadlineStatus }) {
  const { t } = useI18n();
  return <span className={`badge deadline-${status}`}>{t(`deadline.${status}`)}</span>;
}

/** One target's due instant with how it stands now. */
export function Deadline({
  due,
  met,
  overdue,
  zone,
  now,
  ended = false,
  paused = false,
}: {
  due: string;
  met: string | null;
  overdue?: boolean;
  zone: TimeZone;
  now: Date;
  /** The assignment ended (completed, redirected, withdrawn): an unmet target is moot. */
  ended?: boolean;
  /** The assignment's clock is paused: an unmet target's date moves on resume. */
  paused?: boolean;
}) {
  const status = deadlineStatus({ due, met, overdue: overdue ?? false, paused }, now);
  return (
    <span className="deadline">
      <Time at={due} zone={zone} />{' '}
      {ended && met === null ? null : <DeadlineBadge status={status} />}
    </span>
  );
}

/** A page heading that takes focus on navigation, so screen readers announce the new page. */
export function PageTitle({
  children,
  describedBy,
}: {
  children: string;
  /**
   * The id of what the page says first, as it opens (the sign-in page's "your session ended"):
   * read with the heading that takes focus; a live region rendered already filled is not heard.
   */
  describedBy?: string | undefined;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${children} · Pantau`;
    ref.current?.focus();
  }, [children]);
  return (
    <h1 tabIndex={-1} ref={ref} aria-describedby={describedBy}>
      {children}
    </h1>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="muted loading" role="status">
      {t('common.loading')}
    </p>
  );
}
