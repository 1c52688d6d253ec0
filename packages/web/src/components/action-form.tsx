/**
 * An action as a form under a disclosure: the fields, a submit button showing progress, the
 * problem if it failed (values kept), and a status line when it worked.
 */
import { type ReactNode, useId, useState } from 'react';
import type { z } from 'zod';
import { type Form, useForm, type Values } from '../forms/use-form';
import { useI18n } from '../i18n/i18n';
import { FormFeedback, SubmitButton } from './ui';

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
  children: (form: Form<S>) => ReactNode;
}) {
  const { t } = useI18n();
  const form = useForm(schema, initial, toBody);
  const [done, setDone] = useState(false);
  const reasonId = useId();
  return (
    <details className="action" open={open}>
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
                setDone(true);
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
        <fieldset
          className="bare"
          disabled={disabledReason !== undefined}
          aria-describedby={disabledReason ? reasonId : undefined}
        >
          {children(form)}
          <SubmitButton busy={form.busy}>{submitLabel}</SubmitButton>
        </fieldset>
        {done ? (
          <p role="status" className="ok">
            {t('common.saved')}
          </p>
        ) : null}
      </form>
    </details>
  );
}
