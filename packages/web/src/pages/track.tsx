/**
 * The complainant's page: no sign-in. Enter the tracking code, see the status steps and each
 * agency's answers, and reply (rating what they have just read) while the reply window is
 * open. Waiting for them: what to send and how. Reopened by them: it says so. The API shows
 * nothing about the complainant; neither does this.
 *
 * The code is the complainant's credential: it lives in the URL's fragment (`/track#CODE`),
 * which browsers never send, and reaches the API only in POST bodies, never in a path or query.
 */
import { Fragment, useEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { useLocationProperty } from 'wouter/use-browser-location';
import { ReplyBody } from '@pantau/core/schemas';
import { api, ApiError, type Schemas, unwrap } from '../api/client';
import { TextField } from '../components/field';
import {
  PageTitle,
  FormFeedback,
  ProblemAlert,
  StatusBadge,
  SubmitButton,
  Time,
} from '../components/ui';
import { useLoad } from '../data';
import { publicZone } from '../format';
import { useForm } from '../forms/use-form';
import { labelOf, useI18n } from '../i18n/i18n';
import { codeFromFragment, trackingUrl } from '../track-link';
import { AgencyRequests, InfoRequest } from '../components/track-requests';

export function Track() {
  const { t } = useI18n();
  const code = codeFromFragment(useLocationProperty(() => location.hash));
  const [, navigate] = useLocation();
  const [input, setInput] = useState(code);
  // "Lacak" again on the same code asks again (after a dropped connection, a 429).
  const [asked, setAsked] = useState(0);
  // Back and forward move between codes: the field follows the fragment.
  useEffect(() => setInput(code), [code]);
  return (
    <section className="narrow">
      <PageTitle>{t('track.title')}</PageTitle>
      <form
        role="search"
        className="no-print track-search"
        onSubmit={(e) => {
          e.preventDefault();
          const clean = input.trim().toUpperCase();
          if (clean === code) setAsked((n) => n + 1);
          else if (clean) navigate(trackingUrl(clean));
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
      {/* A new code (or a new ask) starts afresh: nothing of another complaint stays shown,
          nor its reply box or "thank you". */}
      {code ? <Status key={`${code}#${asked}`} code={code} /> : null}
    </section>
  );
}

function Status({ code }: { code: string }) {
  const { t } = useI18n();
  const zone = publicZone();
  // Kept here, not in the form: a satisfied reply closes the case and the form goes away.
  const [replied, setReplied] = useState(false);
  // Refused because the window ended, or the case was replied to or closed, since the page was
  // read: said so in their words, and the case read again (the form goes with the window).
  const [refused, setRefused] = useState(false);
  const thanks = useRef<HTMLParagraphElement>(null);
  // The reply form, and the button just pressed, are gone: focus goes to what replaced them
  // (as after an action in the console, `ActionResultProvider`), not to <body>.
  useEffect(() => {
    if (replied || refused) thanks.current?.focus();
  }, [replied, refused]);
  const tracking = useLoad(() => unwrap(api.POST('/v1/track', { body: { code } })), [code]);
  const loading = tracking.loading && !tracking.data;
  // The result announced in one line, there from the start so that its change is heard; never
  // the whole card, whose reply form (a counter changing on each key) would chatter.
  const said = (
    <p role="status" className={tracking.data ? 'visually-hidden' : 'muted loading'}>
      {loading
        ? t('common.loading')
        : tracking.data
          ? `${t('track.status')}: ${labelOf(t, 'status', tracking.data.status)}`
          : ''}
    </p>
  );
  // The same tree whatever came (the line first): a line mounted anew, filled, is not heard.
  if (loading) return <>{said}</>;
  if (tracking.error instanceof ApiError && tracking.error.status === 404) {
    return (
      <>
        {said}
        <p className="alert" role="alert">
          {t('track.unknown')}
        </p>
      </>
    );
  }
  if (!tracking.data)
    return (
      <>
        {said}
        <ProblemAlert error={tracking.error} audience="public" />
      </>
    );
  const {
    status,
    steps,
    receivedAt,
    replyWindowClosesAt,
    verificationDueAt,
    answersDueBy,
    answers,
    earlierAnswers,
    earlierSteps,
    infoRequest,
    confidential,
    outcome,
    rejection,
    contact,
    agencyRequests,
  } = tracking.data;
  return (
    <>
      {said}
      <div className="card">
        <h2>
          {t('track.status')}: <StatusBadge prefix="status" value={status} />
        </h2>
        <p>
          {t('track.received')}: <Time at={receivedAt} zone={zone} />
        </p>
        {status === 'reopened' ? <p className="alert">{t('track.reopened')}</p> : null}
        {/* What comes next, and by when where the page knows it (the later steps say theirs). */}
        {status === 'received' ? (
          <p>
            {verificationDueAt ? (
              <>
                {t('track.nextVerifyBy')} <Time at={verificationDueAt} zone={zone} />.
              </>
            ) : (
              t('track.nextVerify')
            )}
          </p>
        ) : status === 'verified' ? (
          <p>{t('track.nextForward')}</p>
        ) : (status === 'forwarded' || status === 'in_follow_up') && answers.length === 0 ? (
          <p>{t(confidential ? 'track.nextAgenciesConfidential' : 'track.nextAgencies')}</p>
        ) : null}
        {/* One date for all the agencies asked (the complaint is answered once all have):
            never on a confidential report, nor while a clock stands (the API gives none). */}
        {answersDueBy ? (
          <p>
            {t('track.answersDueBy')} <Time at={answersDueBy} zone={zone} />.
          </p>
        ) : null}
        {outcome ? (
          <p>
            {t('track.outcome')}: <strong>{labelOf(t, 'outcome', outcome)}</strong>
          </p>
        ) : null}
        {rejection ? (
          <section className="alert" aria-labelledby="rejection">
            <h3 id="rejection">{t('track.rejectedTitle')}</h3>
            {rejection.reason ? (
              <>
                <p>{t('track.rejectedReason')}</p>
                <p className="prose">
                  <strong>{rejection.reason}</strong>
                </p>
              </>
            ) : (
              <p>{t('track.rejectedGeneric')}</p>
            )}
          </section>
        ) : null}
        {infoRequest ? <InfoRequest request={infoRequest} /> : null}
        {agencyRequests ? <AgencyRequests requests={agencyRequests} /> : null}
        <ol className="steps">
          {steps.map((step, i) => (
            <Fragment key={`${step.status}-${i}`}>
              <li>
                <StatusBadge prefix="status" value={step.status} />{' '}
                <Time at={step.at} zone={zone} />
              </li>
              {/* The case keeps its first status and the latest: those between are not known here. */}
              {i === 0 && earlierSteps ? (
                <li className="muted small">{t('track.earlierSteps')}</li>
              ) : null}
            </Fragment>
          ))}
        </ol>
        {answers.length > 0 || replyWindowClosesAt ? (
          <Answers
            answers={answers}
            earlier={earlierAnswers}
            confidential={confidential}
            rating={replyWindowClosesAt !== null && !replied}
          />
        ) : null}
        {replied ? (
          <p role="status" className="ok" ref={thanks} tabIndex={-1}>
            {t('track.thanks')}
          </p>
        ) : refused ? (
          <p role="alert" className="alert" ref={thanks} tabIndex={-1}>
            {t('track.replyRefused')}
          </p>
        ) : replyWindowClosesAt ? (
          <Reply
            code={code}
            closesAt={replyWindowClosesAt}
            confidential={confidential}
            onDone={() => {
              setReplied(true);
              tracking.reload();
            }}
            onRefused={() => {
              setRefused(true);
              tracking.reload();
            }}
          />
        ) : null}
        {contact && !infoRequest && !agencyRequests ? (
          <p className="small">
            {t(status === 'closed' ? 'track.contactClosed' : 'track.contact', {
              name: contact.name,
              email: contact.email,
            })}
          </p>
        ) : null}
      </div>
    </>
  );
}

/** Each agency's answers, oldest first, by name and date: what the complainant rates. */
function Answers({
  answers,
  earlier,
  confidential,
  rating,
}: {
  answers: readonly Schemas['TrackingAnswer'][];
  /** Only the latest answers came (the API's bound): say so above them. */
  earlier: boolean;
  /** A confidential report shows no answers here: say so, not "no answer yet". */
  confidential: boolean;
  /** The reply form follows: ask to read the answers before rating them. */
  rating: boolean;
}) {
  const { t } = useI18n();
  const zone = publicZone();
  return (
    <section aria-labelledby="answers">
      <h2 id="answers">{t('track.answersTitle')}</h2>
      {answers.length === 0 ? (
        <p className="muted">{t(confidential ? 'track.answersConfidential' : 'track.noAnswers')}</p>
      ) : (
        <>
          {rating ? <p className="muted small">{t('track.answersIntro')}</p> : null}
          {earlier ? (
            <p className="muted small">{t('track.earlierAnswers', { n: answers.length })}</p>
          ) : null}
          {answers.map((a, i) => (
            <article key={`${a.at}-${i}`} className="answer" aria-labelledby={`answer-${i}`}>
              <h3 id={`answer-${i}`}>{a.agencyName}</h3>
              <p className="small">
                <StatusBadge prefix="responseKind" value={a.kind} /> <Time at={a.at} zone={zone} />
              </p>
              <p className="prose">{a.message}</p>
            </article>
          ))}
        </>
      )}
    </section>
  );
}

function Reply({
  code,
  closesAt,
  confidential,
  onDone,
  onRefused,
}: {
  code: string;
  closesAt: string;
  /** No answers above it: the rating is of how the complaint was settled. */
  confidential: boolean;
  onDone: () => void;
  /** The API no longer takes a reply on this case (409 `invalid_transition`). */
  onRefused: () => void;
}) {
  const { t } = useI18n();
  const zone = publicZone();
  const form = useForm(ReplyBody, {});
  const radio = (name: 'satisfied' | 'rating', value: boolean | number, label: string) => (
    <label className="choice" key={String(value)}>
      <input
        type="radio"
        // The first choice of each group is where the error summary's link leads.
        id={value === true || value === 1 ? `${name}-first` : undefined}
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
      className="no-print"
      onSubmit={(e) => {
        e.preventDefault();
        void form
          .submit(async (body) => {
            await unwrap(api.POST('/v1/track/reply', { body: { ...body, code } })).catch(
              (e: unknown) => {
                // Before, the officers' "not possible in the complaint's status now" stayed
                // above a form that could never be sent.
                if (e instanceof ApiError && e.problem?.code === 'invalid_transition') onRefused();
                throw e;
              },
            );
          })
          .then((ok) => {
            if (ok) onDone();
          });
      }}
    >
      <h2>{t('track.replyTitle')}</h2>
      <p>{t(confidential ? 'track.replyIntroConfidential' : 'track.replyIntro')}</p>
      <p>
        {t('track.replyUntil')} <Time at={closesAt} zone={zone} />. {t('track.replyUntilThen')}
      </p>
      {/* Named in the errors as a sentence can hold them: the legend is a question. */}
      {form.describe('satisfied', {
        label: t('track.satisfiedLabel'),
        id: 'satisfied-first',
        choice: true,
      })}
      {form.describe('rating', { label: t('track.ratingLabel'), id: 'rating-first', choice: true })}
      <FormFeedback form={form} audience="public" />
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
      <TextField form={form} name="message" label={t('track.message')} multiline />
      <SubmitButton busy={form.busy}>{t('track.send')}</SubmitButton>
    </form>
  );
}
