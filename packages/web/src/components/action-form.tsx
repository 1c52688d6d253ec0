/**
 * An action as a form under a disclosure: the fields, a submit button showing progress, the
 * problem if it failed (values kept), and a status line when it worked.
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
import { type Form, useForm, type Values } from '../forms/use-form';
import { useI18n } from '../i18n/i18n';
import { FormFeedback, SubmitButton } from './ui';

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

export function ActionForm<S extends z.ZodType>({
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
  children,
}: {
  title: string;
  schema: S;
  initial?: Values;
  submitLabel: string;
  send: (body: z.output<S>, idempotencyKey: string) => Promise<unknown>;
  onDone: () => void;
  open?: boolean;
  toBody?: (values: Values) => unknown;
  /** Why the action is not possible now: said above the form, whose controls are disabled. */
  disabledReason?: string | undefined;
  /** Keeps what is typed until it is sent, in this tab (`useForm`'s `draftKey`). */
  draftKey?: string | undefined;
  children: (form: Form<S>) => ReactNode;
}) {
  const { t } = useI18n();
  const form = useForm(schema, initial, toBody, { draftKey });
  // Open when it brought back unsent text, so the officer sees it is there (decided as it
  // mounts: sending it later must not fold the form away).
  const [reopened] = useState(form.restored);
  const [done, setDone] = useState(false);
  const reasonId = useId();
  const announce = useActionResult();
  const doneRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (done && !announce) doneRef.current?.focus();
  }, [done, announce]);
  return (
    <details className="action" open={reopened || open}>
      <summary>{title}</summary>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setDone(false);
          void form
            .submit(async (body, key) => {
              await send(body, key);
            })
            .then((ok) => {
              if (ok) {
                form.reset();
                if (announce) announce(`${title}: ${t('common.saved')}`);
                else setDone(true);
                onDone();
              }
            });
        }}
      >
        {disabledReason ? (
          <p className="alert" id={`${reasonId}`}>
            {disabledReason}
          </p>
        ) : null}
        <FormFeedback form={form} />
        {form.restored ? <p className="hint">{t('forms.draftRestored')}</p> : null}
        <fieldset
          className="bare"
          disabled={disabledReason !== undefined}
          aria-describedby={disabledReason ? reasonId : undefined}
        >
          {children(form)}
          <SubmitButton busy={form.busy}>{submitLabel}</SubmitButton>
        </fieldset>
        {done ? (
          <p role="status" className="ok" ref={doneRef} tabIndex={-1}>
            {t('common.saved')}
          </p>
        ) : null}
      </form>
    </details>
  );
}
