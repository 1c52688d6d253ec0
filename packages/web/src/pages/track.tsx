/**
 * The complainant's page: no sign-in. Enter the tracking code, see the status steps, and reply
 * while the reply window is open. The API shows nothing about the complainant; neither does this.
 */
import { useState } from 'react';
import { useLocation, useParams } from 'wouter';
import { ReplyBody } from '@pantau/core/schemas';
import { api, ApiError, unwrap } from '../api/client';
import { TextField } from '../components/field';
import {
  Loading,
  PageTitle,
  ProblemAlert,
  StatusBadge,
  SubmitButton,
  Time,
} from '../components/ui';
import { useLoad } from '../data';
import { useForm } from '../forms/use-form';
import { useI18n } from '../i18n/i18n';

export function Track() {
  const { t } = useI18n();
  const { code } = useParams<{ code?: string }>();
  const [, navigate] = useLocation();
  const [input, setInput] = useState(code ?? '');
  return (
    <section className="narrow">
      <PageTitle>{t('track.title')}</PageTitle>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          const clean = input.trim().toUpperCase();
          if (clean) navigate(`/track/${encodeURIComponent(clean)}`);
        }}
      >
        <div className="field">
          <label htmlFor="tracking-code">{t('track.code')}</label>
          <input
            id="tracking-code"
            value={input}
            onChange={(e) => setInput(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            required
          />
        </div>
        <button type="submit" className="primary">
          {t('track.find')}
        </button>
      </form>
      {code ? <Status code={code} /> : null}
    </section>
  );
}

function Status({ code }: { code: string }) {
  const { t } = useI18n();
  // Kept here, not in the form: a satisfied reply closes the case and the form goes away.
  const [replied, setReplied] = useState(false);
  const tracking = useLoad(
    () => unwrap(api.GET('/v1/track/{trackingCode}', { params: { path: { trackingCode: code } } })),
    [code],
  );
  if (tracking.loading && !tracking.data) return <Loading />;
  if (tracking.error instanceof ApiError && tracking.error.status === 404) {
    return (
      <p className="alert" role="alert">
        {t('track.unknown')}
      </p>
    );
  }
  if (!tracking.data) return <ProblemAlert error={tracking.error} />;
  const { status, steps, receivedAt, replyWindowClosesAt } = tracking.data;
  return (
    <div className="card" aria-live="polite">
      <h2>
        {t('track.status')}: <StatusBadge prefix="status" value={status} />
      </h2>
      <p>
        {t('track.received')}: <Time at={receivedAt} zone="Asia/Jakarta" />
      </p>
      <ol className="steps">
        {steps.map((step, i) => (
          <li key={`${step.status}-${i}`}>
            <StatusBadge prefix="status" value={step.status} />{' '}
            <Time at={step.at} zone="Asia/Jakarta" />
          </li>
        ))}
      </ol>
      {replied ? (
        <p role="status" className="ok">
          {t('track.thanks')}
        </p>
      ) : replyWindowClosesAt ? (
        <Reply
          code={code}
          closesAt={replyWindowClosesAt}
          onDone={() => {
            setReplied(true);
            tracking.reload();
          }}
        />
      ) : null}
    </div>
  );
}

function Reply({ code, closesAt, onDone }: { code: string; closesAt: string; onDone: () => void }) {
  const { t } = useI18n();
  const form = useForm(ReplyBody, {});
  const radio = (name: 'satisfied' | 'rating', value: boolean | number, label: string) => (
    <label className="choice" key={String(value)}>
      <input
        type="radio"
        name={name}
        checked={form.values[name] === value}
        onChange={() => form.set(name, value)}
      />
      {label}
    </label>
  );
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form
          .submit(async (body) => {
            await unwrap(
              api.POST('/v1/track/{trackingCode}/reply', {
                params: { path: { trackingCode: code } },
                body,
              }),
            );
          })
          .then((ok) => {
            if (ok) onDone();
          });
      }}
    >
      <h2>{t('track.replyTitle')}</h2>
      <p>
        {t('track.replyUntil')} <Time at={closesAt} zone="Asia/Jakarta" />
      </p>
      <ProblemAlert error={form.failure} />
      <fieldset aria-describedby={form.errors.satisfied ? 'satisfied-error' : undefined}>
        <legend>{t('track.satisfied')}</legend>
        {radio('satisfied', true, t('track.yes'))}
        {radio('satisfied', false, t('track.no'))}
        {form.errors.satisfied ? (
          <p className="error" id="satisfied-error" role="alert">
            {form.errors.satisfied}
          </p>
        ) : null}
      </fieldset>
      <fieldset aria-describedby={form.errors.rating ? 'rating-error' : undefined}>
        <legend>{t('track.rating')}</legend>
        {[1, 2, 3, 4, 5].map((n) => radio('rating', n, String(n)))}
        {form.errors.rating ? (
          <p className="error" id="rating-error" role="alert">
            {form.errors.rating}
          </p>
        ) : null}
      </fieldset>
      <TextField form={form} name="message" label={t('track.message')} multiline maxLength={5000} />
      <SubmitButton busy={form.busy}>{t('track.send')}</SubmitButton>
    </form>
  );
}
