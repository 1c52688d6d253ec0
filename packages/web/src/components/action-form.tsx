/**
 * An action as a form under a disclosure: the fields, a submit button showing progress, the
 * problem if it failed (values kept), and a status line when it worked, saying what was done.
 * An action that cannot be undone asks first: the first submit shows the question inline, and
 * only its explicit second button sends. Once open, it stays open while the page reads its record
 * again (the page's `open` folds it only when nothing typed is in it).
 */
import {
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import type { z } from 'zod';
import { ApiError } from '../api/client';
import { type Form, useForm, type Values } from '../forms/use-form';
import { useI18n } from '../i18n/i18n';
import { FormFeedback, Refusal, SubmitButton } from './ui';

/**
 * Where a page says what an action did. After an action the form may be gone (its action no
 * longer possible), so the page's result line takes focus rather than leaving it on `<body>`.
 */
const ActionResult = createContext<((message: string) => void) | null>(null);

export function ActionResultProvider({ children }: { children: ReactNode }) {
  const [result, setResult] = useState<{ message: string; n: number } | null>(null);
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (result) ref.current?.focus();
  }, [result]);
  return (
    <ActionResult value={(message) => setResult((r) => ({ message, n: (r?.n ?? 0) + 1 }))}>
      <p ref={ref} tabIndex={-1} role="status" className="ok action-result">
        {result?.message ?? ''}
      </p>
      {children}
    </ActionResult>
  );
}

export const useActionResult = () => useContext(ActionResult);

/**
 * How a page reads its record again (the case page's reload), for its forms whose action the API
 * refused because the record moved on unseen (a colleague closed the case): read again, a form
 * whose action is no longer possible shows it `gone` with its text, rather than an error whose
 * text a reload of the browser would lose; one still possible stays, on the record as it is now.
 */
const ReadAgain = createContext<(() => void) | null>(null);
/** Told by each form whether it holds values not sent (the page, when its record is gone). */
const PageUnsent = createContext<((form: string, dirty: boolean) => void) | null>(null);

export function ReadAgainProvider({
  reload,
  unsent,
  children,
}: {
  reload: () => void;
  /** Told by every form on the page whether it holds values not sent, by the form's id. */
  unsent?: ((form: string, dirty: boolean) => void) | undefined;
  children: ReactNode;
}) {
  return (
    <ReadAgain value={reload}>
      <PageUnsent value={unsent ?? null}>{children}</PageUnsent>
    </ReadAgain>
  );
}

/**
 * Whether the API refused because the record moved on since the page read it: the action is not
 * possible in its state now (`invalid_transition`, also when the form says it in its own words),
 * it was saved since (`version_conflict`) where the form does not say so itself (one that does
 * offers the latest with a button of its own, `useSavedSince`), or it is no longer the reader's
 * (`not_found`: a coordinator took back what it had delegated; the page, read again, says so).
 */
function movedOn(error: unknown): boolean {
  const refused = error instanceof Refusal ? error.cause : error;
  if (!(refused instanceof ApiError)) return false;
  const code = refused.problem?.code;
  return (
    code === 'invalid_transition' ||
    code === 'not_found' ||
    (code === 'version_conflict' && refused === error)
  );
}

/**
 * The page's read-again for an action that is no form (a button: "Konfirmasi penerimaan"):
 * given what the API answered, when it refused because the record moved on unseen, the page
 * reads it again at once and the error becomes `sentence` (the API's "reload the page" is done
 * already); any other error is given back as it is. Outside a page that reads again: as it is.
 */
export function useReadAgain(): (error: unknown, sentence: string) => unknown {
  const readAgain = useContext(ReadAgain);
  return (error, sentence) => {
    if (readAgain === null || !movedOn(error)) return error;
    readAgain();
    return error instanceof Refusal ? error : new Refusal(sentence, { cause: error });
  };
}

/**
 * The forms of a page holding text not yet sent, each telling by its `onDirty` (`holds(form)`).
 * The page reads its record again after every action (and after a refusal, `ReadAgainProvider`):
 * a form whose action that made impossible (`shows(form, false)`) stays while it holds text,
 * saying why (`gone`), rather than vanish with it; an untouched one just goes.
 */
export function useUnsent() {
  const [unsent, setUnsent] = useState<ReadonlySet<string>>(() => new Set());
  const holds = (form: string) => (dirty: boolean) =>
    setUnsent((was) => {
      if (was.has(form) === dirty) return was;
      const next = new Set(was);
      if (dirty) next.add(form);
      else next.delete(form);
      return next;
    });
  const shows = (form: string, possible: boolean) => possible || unsent.has(form);
  return { unsent, holds, shows };
}

/** The question asked before an action that cannot be undone, and its button's words. */
export interface Confirm {
  readonly message: string;
  readonly label: string;
}

export function ActionForm<S extends z.ZodType, R = unknown>({
  title,
  schema,
  initial = {},
  submitLabel,
  send,
  onDone,
  open,
  toBody,
  disabledReason,
  draftKey,
  follow,
  gone,
  onDirty,
  confirm,
  result,
  nextValues,
  holding = false,
  onDiscard,
  children,
}: {
  title: string;
  schema: S;
  initial?: Values;
  /** The submit button's words; from the values when they depend on a choice (a decision). */
  submitLabel: string | ((values: Values) => string);
  send: (body: z.output<S>, idempotencyKey: string) => Promise<R>;
  onDone: () => void;
  open?: boolean;
  toBody?: (values: Values) => unknown;
  /** Why the action is not possible now: said above the form, whose controls are disabled. */
  disabledReason?: string | undefined;
  /** Keeps what is typed until it is sent, in this tab (`useForm`'s `draftKey`). */
  draftKey?: string | undefined;
  /**
   * `initial` changes with the record read again: fields left as they were follow it, and one
   * changed in the record too is said at its field, to decide on before sending (`useForm`'s
   * `follow`; `'defaults'` when `initial` is defaults, not a record's values).
   */
  follow?: boolean | 'defaults' | undefined;
  /**
   * What the form acted on is gone (the record moved on since the user began typing): said
   * above the form, whose values stay, locked, until the user discards them.
   */
  gone?: string | undefined;
  /** Told whether the form holds values not sent (the page keeps a gone form while it does). */
  onDirty?: ((dirty: boolean) => void) | undefined;
  /**
   * Unsent work the form's fields do not hold (an answer's chosen files): the form is dirty
   * while it is true, as if typed in, and `onDiscard` lets it go with the values.
   */
  holding?: boolean | undefined;
  onDiscard?: (() => void) | undefined;
  /**
   * Asks before sending (an action that cannot be undone): the first submit of a valid form
   * shows the question, with the fields kept and locked; only its button sends, and cancelling
   * returns to the form. A function decides from the body (null: send at once).
   */
  confirm?: Confirm | ((body: z.output<S>) => Confirm | null) | undefined;
  /**
   * What was done, said after the title in the result line (default: "Saved."); null when the
   * page says it in a line of its own (which then takes the focus), so it is not said twice.
   */
  result?: ((body: z.output<S>, response: R) => string | null) | undefined;
  /**
   * The values the form starts the next entry with once sent (default: `initial`): a choice
   * the next entry most likely shares, kept (the kind of the day just added).
   */
  nextValues?: ((body: z.output<S>) => Values) | undefined;
  children: (form: Form<S>) => ReactNode;
}) {
  const { t } = useI18n();
  const form = useForm(schema, initial, toBody, { draftKey, follow });
  const dirty = form.dirty || holding;
  // Open when it brought back unsent text, so the officer sees it is there (decided as it
  // mounts: sending it later must not fold the form away).
  const [reopened] = useState(form.restored);
  // Open as the user left it. The page's `open` opens it (the action became the next step); it
  // folds it only when nothing typed would be hidden (a reload must not close a form in use).
  const wanted = reopened || open === true;
  const [shown, setShown] = useState(wanted);
  const [asked, setAsked] = useState(wanted);
  if (asked !== wanted) {
    setAsked(wanted);
    if (wanted || !dirty) setShown(wanted);
  }
  const dirtyTo = useRef(onDirty);
  dirtyTo.current = onDirty;
  const formId = useId();
  const pageUnsent = useContext(PageUnsent);
  const unsentTo = useRef(pageUnsent);
  unsentTo.current = pageUnsent;
  useEffect(() => {
    dirtyTo.current?.(dirty);
    unsentTo.current?.(formId, dirty);
  }, [dirty, formId]);
  useEffect(
    () => () => {
      dirtyTo.current?.(false);
      unsentTo.current?.(formId, false);
    },
    [formId],
  );
  const [done, setDone] = useState<string | null>(null);
  const [asking, setAsking] = useState<Confirm | null>(null);
  const reasonId = useId();
  const askId = useId();
  const announce = useActionResult();
  const readAgain = useContext(ReadAgain);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const askRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // Cancelled: focus goes back to the submit button the question replaced.
  const backToForm = useRef(false);
  useEffect(() => {
    if (done !== null && !announce) doneRef.current?.focus();
  }, [done, announce]);
  useEffect(() => {
    if (asking) askRef.current?.focus();
    else if (backToForm.current) {
      backToForm.current = false;
      formRef.current?.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus();
    }
  }, [asking]);
  const saying = (sent: { body: z.output<S>; response: R } | null): string | null => {
    try {
      if (result && sent) return result(sent.body, sent.response);
    } catch {
      // An answer shaped otherwise than expected: it was saved all the same.
    }
    return t('common.saved');
  };
  /** Back to the form, nothing sent: "Batal", or Esc as in any dialog. */
  const cancel = () => {
    if (form.busy) return;
    backToForm.current = true;
    setAsking(null);
  };
  const sendNow = () => {
    setDone(null);
    let sent: { body: z.output<S>; response: R } | null = null;
    let moved = false;
    void form
      .submit(async (body, key) => {
        try {
          sent = { body, response: await send(body, key) };
        } catch (error) {
          moved = movedOn(error) && readAgain !== null;
          // The page reads the record again at once: the API's "reload the page" is said as it
          // will then be (done already; a reload of the browser would lose the text). A form
          // that words the refusal itself keeps its words (an activity's, of the activity).
          throw moved && !(error instanceof Refusal)
            ? new Refusal(t('actionForm.readAgain'), { cause: error })
            : error;
        }
      })
      .then((ok) => {
        setAsking(null);
        // Refused as the record moved on: the page reads it again, the values kept.
        if (!ok && moved) readAgain?.();
        if (ok) {
          // Worded after the answer, never within the request: a wording that fails must not
          // make a request that went through look failed (and be sent again).
          const said = saying(sent);
          form.reset(nextValues && sent ? nextValues(sent.body) : undefined);
          if (said !== null) {
            if (announce) announce(`${title}: ${said}`);
            else setDone(said);
          }
          onDone();
        }
      });
  };
  /** The values of a gone form let go: the page drops the form (and the draft is forgotten). */
  const discard = () => {
    form.reset();
    onDiscard?.();
    announce?.(`${title}: ${t('actionForm.discarded')}`);
  };
  const locked = disabledReason ?? gone;
  return (
    <details className="action" open={shown} onToggle={(e) => setShown(e.currentTarget.open)}>
      <summary>{title}</summary>
      <form
        ref={formRef}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (asking || form.busy) return;
          if (confirm) {
            // Refused as a submit would refuse it (the schema, a name typed but not picked): says
            // what to fix, asking nothing. Sendable: ask first.
            setDone(null);
            const checked = form.check();
            if (!checked) return;
            const ask = typeof confirm === 'function' ? confirm(checked.body) : confirm;
            if (ask) {
              setAsking(ask);
              return;
            }
          }
          sendNow();
        }}
      >
        {disabledReason ? (
          <p className="alert" id={`${reasonId}`}>
            {disabledReason}
          </p>
        ) : gone ? (
          <div className="alert" role="alert">
            <p id={reasonId}>{gone}</p>
            <button type="button" onClick={discard}>
              {t('actionForm.discard')}
            </button>
          </div>
        ) : null}
        {/* Gone: its refusal (“reload the page”) is what the sentence above says now. */}
        <FormFeedback form={gone ? { ...form, failure: null } : form} />
        {form.restored ? <p className="hint">{t('forms.draftRestored')}</p> : null}
        <fieldset
          className="bare"
          // Asking: the values stay as they will be sent.
          disabled={locked !== undefined || asking !== null}
          aria-describedby={locked ? reasonId : undefined}
        >
          {children(form)}
          {asking || gone ? null : (
            <SubmitButton busy={form.busy}>
              {typeof submitLabel === 'function' ? submitLabel(form.values) : submitLabel}
            </SubmitButton>
          )}
        </fieldset>
        {asking ? (
          <div
            ref={askRef}
            tabIndex={-1}
            className="alert confirm"
            role="alertdialog"
            aria-labelledby={askId}
            onKeyDown={(e) => {
              if (e.key === 'Escape') cancel();
            }}
          >
            <p id={askId}>{asking.message}</p>
            <button
              type="button"
              className="primary"
              onClick={sendNow}
              disabled={form.busy}
              aria-busy={form.busy}
            >
              {form.busy ? t('common.working') : asking.label}
            </button>{' '}
            <button type="button" disabled={form.busy} onClick={cancel}>
              {t('actionForm.cancel')}
            </button>
          </div>
        ) : null}
        {done !== null ? (
          <p role="status" className="ok" ref={doneRef} tabIndex={-1}>
            {done}
          </p>
        ) : null}
      </form>
    </details>
  );
}
