/**
 * The public complaint form (`/adukan`): no sign-in. The complainant may stay anonymous, hide
 * their identity from agencies, or ask for confidentiality. The ALTCHA widget solves the
 * server's proof-of-work challenge in the browser (no third party); the answer is the receipt
 * with the tracking code, printable, with a link to the tracking page. The API gives the code
 * once: the receipt is kept in the tab's own history entry (`src/receipt-history.ts`), so Back,
 * Forward and a reload in that tab show it again (the receipt and the "sent" note are in
 * `complain-receipt.tsx`).
 */
import './altcha';
import type {} from 'altcha/types/react';
import type { WidgetMethods } from 'altcha/types';
import { useEffect, useRef, useState } from 'react';
import { useHistoryState } from 'wouter/use-browser-location';
import type { z } from 'zod';
import {
  PUBLIC_ATTACHMENTS,
  PUBLIC_DESCRIPTION_MAX,
  PublicComplaintBody,
} from '@pantau/core/schemas';
import { api, ApiError, type Schemas, unwrap } from '../api/client';
import { CheckboxField, TextField } from '../components/field';
import { FormFeedback, PageTitle, SubmitButton } from '../components/ui';
import { publicZone } from '../format';
import { compact, type Form, useForm, type Values } from '../forms/use-form';
import { useI18n } from '../i18n/i18n';
import {
  forgetOnArrival,
  forgetReceipt,
  keepReceipt,
  keptOf,
  showReceiptAgain,
} from '../receipt-history';
import { Receipt, Sent } from './complain-receipt';

/**
 * The form, or what the tab's history entry keeps of a complaint sent from it: its receipt,
 * or (the form's own entry, reached by Back) a note that it went, leading to the receipt.
 */
export function Complain() {
  const kept = keptOf(useHistoryState());
  useEffect(() => {
    forgetOnArrival();
    const arrived = () => forgetOnArrival();
    addEventListener('popstate', arrived);
    return () => removeEventListener('popstate', arrived);
  }, []);
  if (kept?.view === 'receipt')
    return (
      <Receipt
        receipt={kept.receipt}
        editsLeftOut={kept.editsLeftOut}
        onAnother={() => forgetReceipt()}
      />
    );
  if (kept?.view === 'sent')
    return (
      <Sent
        subject={kept.receipt.subject}
        onShow={() => showReceiptAgain()}
        onAnother={() => forgetReceipt()}
      />
    );
  // Mounted afresh whenever it shows again: a new complaint starts empty.
  return <ComplaintForm />;
}

function ComplaintForm() {
  const { t, lang } = useI18n();
  // The request whose answer was lost (no connection, a 5xx): it may have made the case. Until
  // an answer comes, "Kirim" sends it again as it was (its key and its words, with the proof
  // the widget holds now: the key's fingerprint leaves the proof out), so a complaint edited
  // after the loss is never a second case, and the first one's code is always shown.
  const unanswered = useRef<{ body: Complaint; key: string } | null>(null);
  // An anonymous complaint carries no identity: the fields are dropped, not just hidden.
  const toBody = (values: Values) => {
    const body = compact(values) as Values;
    if (body.anonymous === true) delete body.complainant;
    return body;
  };
  const form = useForm(PublicComplaintBody, { complainant: {} }, toBody);
  const widget = useRef<AltchaWidget>(null);
  // Proofs the page solved again by itself (one refused or expired) since the person last
  // pressed "Kirim": bounded, so a proof that fails each time (a server refusing it, a device
  // clock far off with an expiring challenge) cannot fetch challenges until the rate limit.
  const autoSolves = useRef(0);
  // A "Kirim" whose proof the server refused: the form as it was then, sent again by itself
  // once a new proof is solved (unless it was edited meanwhile: then the person sends it).
  const sendWhenSolved = useRef<string | null>(null);
  const [resend, setResend] = useState(0);
  const [proofNote, setProofNote] = useState<ProofNote>(null);

  /** Solves a new proof, unless the page has done so too often in a row: then it says so. */
  const solveAgain = () => {
    if (autoSolves.current >= AUTO_SOLVES) {
      sendWhenSolved.current = null;
      setProofNote('stuck');
      return;
    }
    autoSolves.current += 1;
    if (sendWhenSolved.current !== null) setProofNote('again');
    renew(widget.current);
  };

  /**
   * Sends the complaint. The key makes a retry after a lost answer the same request: the same
   * receipt, not a second case (the API gives the code once).
   */
  const send = () => {
    const draft = draftOf(form.values);
    void form.submit(async (body, key) => {
      const request = unanswered.current ?? { body, key };
      const sent = api.POST('/v1/complaints', {
        // The device's zone: the receipt gives the time of receipt in it.
        body: { ...request.body, altcha: body.altcha, timeZone: publicZone() },
        headers: { 'idempotency-key': request.key },
      });
      let receipt: Schemas['ComplaintReceipt'];
      try {
        receipt = await unwrap(sent);
      } catch (error) {
        if (!(error instanceof ApiError) || error.status >= 500) unanswered.current = request;
        // The proof shown solved was refused (expired by the server's clock, spent): nothing
        // was written, so the same request goes again with a new one (`unanswered` kept).
        else if (proofRefused(error)) {
          sendWhenSolved.current = draft;
          solveAgain();
        }
        throw error;
      }
      unanswered.current = null;
      // The receipt shows in its own history entry, over the form's (this form unmounts).
      keepReceipt(receipt, wordsOf(request.body) !== wordsOf(body));
    });
  };

  useEffect(() => {
    const el = widget.current;
    if (!el) return;
    let refresh: ReturnType<typeof setTimeout> | undefined;
    const onState = (e: Event) => {
      const { state, payload } = (e as CustomEvent<{ state: string; payload?: string }>).detail;
      // Not another request: the server leaves the proof out of the key's fingerprint, so a
      // retry after a lost answer replays its receipt even with a proof solved since.
      form.set('altcha', state === 'verified' ? payload : undefined, { sameRequest: true });
      clearTimeout(refresh);
      if (state === 'verified') {
        setProofNote(null);
        // Writing a complaint on a phone often takes longer than a proof lasts: a new one is
        // solved before the server would refuse this one (timed here from its arrival, so the
        // device's clock does not matter), and "Kirim" seldom meets a stale proof.
        const lasts = lifetimeOf(payload);
        if (lasts !== null) refresh = setTimeout(() => renew(el), lasts * REFRESH_AT);
        if (sendWhenSolved.current !== null) setResend((n) => n + 1);
      }
      // The server's challenges carry no expiry the widget could time; one that does (an
      // older server) is solved again, within the bound.
      if (state === 'expired') solveAgain();
    };
    el.addEventListener('statechange', onState);
    return () => {
      clearTimeout(refresh);
      el.removeEventListener('statechange', onState);
    };
    // The form mounts afresh when it shows again; `form.set` is stable.
  }, []);

  // The new proof is in the form's values by this render: send what was refused, as it was.
  useEffect(() => {
    const waiting = sendWhenSolved.current;
    if (resend === 0 || waiting === null) return;
    sendWhenSolved.current = null;
    if (draftOf(form.values) === waiting) send();
  }, [resend]);

  const anonymous = form.values.anonymous === true;
  const shown = shownErrors(form.errors, t, proofNote);
  // The proof's note beside the widget too: the summary is far above it on a phone.
  const proofError =
    shown.altcha !== undefined
      ? 'complain-proof-error'
      : proofNote === 'stuck'
        ? 'complain-proof-stuck'
        : undefined;
  return (
    <section className="narrow">
      <PageTitle>{t('complain.title')}</PageTitle>
      <p>{t('complain.intro')}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          // The person's own action: the page may solve again by itself as many times anew.
          autoSolves.current = 0;
          send();
        }}
      >
        {/* Takes focus after a failed "Kirim" (at the foot of a long form), each item a link. */}
        <FormFeedback form={{ ...form, errors: shown }} audience="public" />
        <fieldset>
          <legend>{t('complain.you')}</legend>
          <CheckboxField
            form={form}
            name="anonymous"
            label={t('complain.anonymous')}
            hint={t('complain.anonymousHint')}
          />
          {anonymous ? null : (
            <>
              <TextField form={form} name="complainant.name" label={t('caseNew.name')} required />
              <TextField
                form={form}
                name="complainant.idNumber"
                label={t('caseNew.idNumber')}
                inputMode="numeric"
              />
              <TextField
                form={form}
                name="complainant.email"
                type="email"
                label={t('caseNew.email')}
              />
              <TextField
                form={form}
                name="complainant.phone"
                type="tel"
                label={t('caseNew.phone')}
              />
              <TextField
                form={form}
                name="complainant.address"
                label={t('caseNew.address')}
                multiline
              />
              <CheckboxField
                form={form}
                name="identityHidden"
                label={t('complain.identityHidden')}
                hint={t('complain.identityHiddenHint')}
              />
            </>
          )}
          <CheckboxField
            form={form}
            name="confidential"
            label={t('complain.confidential')}
            hint={t('complain.confidentialHint')}
          />
        </fieldset>
        <fieldset>
          <legend>{t('complain.what')}</legend>
          <TextField
            form={form}
            name="subject"
            label={t('caseNew.subject')}
            required
            maxLength={200}
          />
          <TextField
            form={form}
            name="description"
            label={t('caseNew.description')}
            required
            multiline
            maxLength={PUBLIC_DESCRIPTION_MAX}
          />
          <TextField form={form} name="respondent" label={t('caseNew.respondent')} />
          <TextField form={form} name="location.province" label={t('caseNew.province')} />
          <TextField form={form} name="location.regency" label={t('caseNew.regency')} />
          <FilesField form={form} />
        </fieldset>
        {/* Where the summary's item for the proof leads: the group, its legend naming it and
            its note (below the widget) saying what to do. */}
        {form.describe('altcha', { label: t('complain.proof'), id: 'complain-proof' })}
        <fieldset id="complain-proof" tabIndex={-1} aria-describedby={proofError}>
          <legend>{t('complain.proof')}</legend>
          <p className="hint">{t('complain.proofHint')}</p>
          <altcha-widget
            ref={widget}
            challenge="/v1/complaints/challenge"
            name="altcha"
            language={lang}
            auto="onload"
          />
          {shown.altcha !== undefined ? (
            <p className="error" id="complain-proof-error" role="alert">
              {shown.altcha}
            </p>
          ) : proofNote === 'stuck' ? (
            // Said here alone when no "Kirim" put it in the summary (a proof expiring each time).
            <p className="alert" id="complain-proof-stuck" role="alert">
              {t('complain.proofStuck')}
            </p>
          ) : null}
        </fieldset>
        <SubmitButton busy={form.busy}>{t('complain.submit')}</SubmitButton>
      </form>
    </section>
  );
}

type Translate = ReturnType<typeof useI18n>['t'];

/** A complaint as the form sends it. */
type Complaint = z.output<typeof PublicComplaintBody>;

/** The ALTCHA element (its methods absent where it cannot run, as in jsdom). */
type AltchaWidget = HTMLElement & Partial<Pick<WidgetMethods, 'reset' | 'verify'>>;

/** New proofs the page solves in a row by itself (none counted once the person sends). */
const AUTO_SOLVES = 3;

/** How far into a proof's life a new one is solved (a phone takes a second or two). */
const REFRESH_AT = 0.8;

/** What the page says of the proof: solving a refused one again, or stopped trying. */
type ProofNote = 'again' | 'stuck' | null;

/** The widget drops its proof and solves a new challenge. */
function renew(el: AltchaWidget | null) {
  el?.reset?.();
  void el?.verify?.();
}

/**
 * How long a proof lasts, in milliseconds, as its challenge says (`ttlMs`, signed by the
 * server with the time it issued it); null when the payload does not say.
 */
function lifetimeOf(payload: string | undefined): number | null {
  try {
    const ttl: unknown = JSON.parse(atob(payload ?? '')).challenge.parameters.data.ttlMs;
    return typeof ttl === 'number' && ttl > 0 ? ttl : null;
  } catch {
    return null;
  }
}

/** The server did not take the proof (a 400 or 422 naming `altcha`): nothing was written. */
const proofRefused = (error: ApiError): boolean =>
  (error.status === 400 || error.status === 422) && 'altcha' in error.fieldErrors;

/** The form as filled in, without the proof (which the page may renew under it). */
const draftOf = ({ altcha: _, ...values }: Values): string => JSON.stringify(values);

/**
 * The form's errors as shown: the proof's and the files' in the page's own sentences (the
 * files' rule is one sentence, whichever file or limit the server or the schema named).
 */
function shownErrors(
  errors: Record<string, string>,
  t: Translate,
  proofNote: ProofNote,
): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    if (path === 'altcha')
      shown.altcha = t(
        proofNote === 'again'
          ? 'complain.proofAgain'
          : proofNote === 'stuck'
            ? 'complain.proofStuck'
            : 'complain.proofMissing',
      );
    else if (path.startsWith('attachments')) shown.attachments = t('complain.filesRule');
    else shown[path] = message;
  }
  return shown;
}

const ACCEPTED = Object.keys(PUBLIC_ATTACHMENTS.types);

/** A file's bytes in base64, as the API takes them (the data URL's tail). */
const base64Of = (file: File): Promise<string> =>
  new Promise((done, fail) => {
    const reader = new FileReader();
    reader.onload = () => done(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => fail(reader.error);
    reader.readAsDataURL(file);
  });

/**
 * Up to 3 photos or scans (PDF, JPEG, PNG; 4 MB together), checked here before they are read
 * so a wrong choice is said at once; the server checks the bytes again.
 */
function FilesField({ form }: { form: Form<typeof PublicComplaintBody> }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const id = 'complain-files';
  form.describe('attachments', { label: t('complain.files'), id });
  const serverError = Object.keys(form.errors).some((p) => p.startsWith('attachments'));
  const message = error ?? (serverError ? t('complain.filesRule') : null);
  return (
    <div className={`field${message ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{t('complain.files')}</label>
      <p className="hint" id={`${id}-hint`}>
        {t('complain.filesHint')}
      </p>
      <input
        id={id}
        type="file"
        multiple
        accept={['.pdf', '.jpg', '.jpeg', '.png', ...ACCEPTED].join(',')}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${id}-hint ${id}-error` : `${id}-hint`}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          const total = files.reduce((sum, f) => sum + f.size, 0);
          const fits =
            files.length <= PUBLIC_ATTACHMENTS.maxFiles &&
            total <= PUBLIC_ATTACHMENTS.maxTotalBytes &&
            files.every((f) => ACCEPTED.includes(f.type));
          setError(fits ? null : t('complain.filesRule'));
          if (!fits) {
            // Not sent: the field no longer shows the refused files as chosen.
            e.target.value = '';
            form.set('attachments', undefined);
            return;
          }
          void Promise.all(
            files.map(async (f) => ({ name: f.name, content: await base64Of(f) })),
          ).then(
            (read) => form.set('attachments', read.length > 0 ? read : undefined),
            () => setError(t('complain.filesUnreadable')),
          );
        }}
      />
      {message ? (
        <p className="error" id={`${id}-error`} role="alert">
          {message}
        </p>
      ) : null}
    </div>
  );
}

/** A complaint's words, without the proof that paid for sending it. */
const wordsOf = ({ altcha: _, ...words }: Complaint): string => JSON.stringify(words);
