/**
 * A case's attachments (issue 15): the complaint's documents, the agencies' responses' and the
 * activity reports', each with its download link; central sees who may read each one and
 * changes it. Uploads go the way the API sets out: start (the record and a presigned form),
 * POST the file straight to storage (S3 on AWS), then complete (the type is read from the
 * bytes). An agency attaches to its own responses only, with `AnswerUpload` under its answer
 * form (in its assignment card); the case's card lists its files and says where they go.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { FOLLOW_UP_MAIL_NAME } from '@pantau/core/schemas';
import { api, ApiError, idempotencyKey, type Schemas, unwrap } from '../api/client';
import { useLoad } from '../data';
import type { TimeZone } from '../format';
import { labelOf, type Translate, useI18n } from '../i18n/i18n';
import { useAgencies } from './agencies';
import { ProblemAlert, Refusal, saying, StatusBadge, SubmitButton, Time } from './ui';
import './documents.css';

type Attachment = Schemas['Attachment'];
type Visibility = Attachment['visibility'];
type Target = NonNullable<Schemas['CreateAttachment']['attachedTo']>;

const MAX_BYTES = 20 * 1024 * 1024;
const VISIBILITIES: readonly Visibility[] = ['central', 'agencies'];
/**
 * A message the e-mail intake kept (`surel-asli.eml`, a follow-up's `surel-lanjutan.eml`):
 * central's for good, the API refuses to share it.
 */
const ORIGINAL_MAIL = 'message/rfc822';
/** A follow-up's own message, by the name the intake gives it: the type is the complaint's. */
const isFollowUpMail = (a: Pick<Attachment, 'name' | 'contentType'>) =>
  a.contentType === ORIGINAL_MAIL && a.name === FOLLOW_UP_MAIL_NAME;

/** Where an attachment goes, as the upload form offers it. */
interface TargetOption {
  readonly value: string;
  readonly label: string;
  readonly target: Target;
}

const groupKey = (a: Attachment) =>
  a.attachedTo.kind === 'response'
    ? `response:${a.attachedTo.agencyId}`
    : a.attachedTo.kind === 'activity'
      ? `activity:${a.attachedTo.activityId}`
      : 'case';

function formatSize(bytes: number | null, lang: 'id' | 'en'): string {
  if (bytes === null) return '—';
  const locale = lang === 'id' ? 'id-ID' : 'en-GB';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024)
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(bytes / 1024)} KB`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;
}

/** What kind of file, as people call it: "PDF", "Word", never `application/pdf`. */
const FILE_KINDS: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
};
function fileKind(a: Pick<Attachment, 'name' | 'contentType'>, t: Translate): string {
  const { contentType } = a;
  if (isFollowUpMail(a)) return t('attachments.kind.followUpMail');
  if (contentType === ORIGINAL_MAIL) return t('attachments.kind.mail');
  if (contentType === null) return t('attachments.kind.unknown'); // not uploaded yet
  return FILE_KINDS[contentType] ?? t('attachments.kind.other');
}

/** Saves the file behind a short-lived download link. */
async function openDownload(caseId: string, a: Attachment): Promise<void> {
  const link = await unwrap(
    api.GET('/v1/cases/{id}/attachments/{attachmentId}/download', {
      params: { path: { id: caseId, attachmentId: a.id } },
    }),
  );
  const anchor = Object.assign(document.createElement('a'), { href: link.url, download: a.name });
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
}

const complete = (caseId: string, attachmentId: string) =>
  unwrap(
    api.POST('/v1/cases/{id}/attachments/{attachmentId}/complete', {
      params: { path: { id: caseId, attachmentId } },
    }),
  );

/**
 * Start, POST the form, complete: the attachment as the API holds it after. `begun` keeps the
 * attachment an earlier try under the same key started: its start replayed once that upload
 * is done (the answer to "complete" lost) is a 409, and completing it again answers the file.
 */
async function upload(
  caseId: string,
  file: File,
  target: Target,
  visibility: Visibility | '',
  key: string,
  begun: { current: string | null },
) {
  let started;
  try {
    started = await unwrap(
      api.POST('/v1/cases/{id}/attachments', {
        params: { path: { id: caseId } },
        body: {
          name: file.name,
          size: file.size,
          attachedTo: target,
          ...(visibility ? { visibility } : {}),
        },
        headers: { 'idempotency-key': key },
      }),
    );
  } catch (error) {
    if (error instanceof ApiError && error.status === 409 && begun.current)
      return complete(caseId, begun.current);
    throw error;
  }
  begun.current = started.attachment.id;
  const form = new FormData();
  for (const [k, v] of Object.entries(started.upload.fields)) form.append(k, v);
  form.append('file', file, file.name);
  const posted = await fetch(started.upload.url, { method: 'POST', body: form });
  if (!posted.ok) throw new ApiError(posted.status, null);
  return complete(caseId, started.attachment.id);
}

export function CaseAttachments({
  caseId,
  central,
  agencies,
  activities,
  zone,
  onVisibilityChanged,
  revision,
}: {
  caseId: string;
  central: boolean;
  /**
   * The agencies whose responses the caller may attach to: central, every assignment's (at any
   * time), with the upload here; an agency, its open ones only (an ended assignment takes no
   * more files), which it attaches with `AnswerUpload` beside its answer.
   */
  agencies: readonly string[];
  /** The case's monitoring activities, as the case lists them (an activity report takes attachments). */
  activities: readonly Pick<Schemas['Activity'], 'id' | 'kind'>[];
  zone: TimeZone;
  /** A file was shared with the agencies or taken back: the timeline has a new entry. */
  onVisibilityChanged?: () => void;
  /** Changed when a file was uploaded elsewhere on the page (`AnswerUpload`): read again. */
  revision?: number;
}) {
  const { t, lang } = useI18n();
  const { nameOf } = useAgencies();
  const loaded = useLoad(
    () => unwrap(api.GET('/v1/cases/{id}/attachments', { params: { path: { id: caseId } } })),
    [caseId, revision],
  );
  const [error, setError] = useState<unknown>(null);
  // The files whose download the malware scan refused just now (422 `scan_refused`): marked
  // refused here at once; the API records it, so the list says so after a reload (`scan`).
  const [scanRefused, setScanRefused] = useState<ReadonlySet<string>>(new Set());
  const statusOf = (a: Attachment) => (scanRefused.has(a.id) ? 'refused' : a.status);
  const items = loaded.data?.items ?? [];
  // An activity the case no longer lists (an older reported one): named without its kind.
  const activityTitle = (id: string | null) => {
    const kind = activities.find((a) => a.id === id)?.kind;
    return kind
      ? t('attachments.activity', { kind: labelOf(t, 'activity', kind) })
      : t('attachments.activityEarlier');
  };
  const targets: TargetOption[] = [
    ...(central
      ? [{ value: 'case', label: t('attachments.case'), target: { kind: 'case' } as Target }]
      : []),
    ...agencies.map((agencyId) => ({
      value: `response:${agencyId}`,
      label: t('attachments.response', { agency: nameOf(agencyId) }),
      target: { kind: 'response', agencyId } as Target,
    })),
    ...(central
      ? activities.map((a) => ({
          value: `activity:${a.id}`,
          label: t('attachments.activity', { kind: labelOf(t, 'activity', a.kind) }),
          target: { kind: 'activity', activityId: a.id } as Target,
        }))
      : []),
  ];
  const groups = [...new Set(items.map(groupKey))].map((key) => {
    const first = items.find((a) => groupKey(a) === key)!;
    const title =
      first.attachedTo.kind === 'response'
        ? t('attachments.response', { agency: nameOf(first.attachedTo.agencyId ?? '') })
        : first.attachedTo.kind === 'activity'
          ? activityTitle(first.attachedTo.activityId)
          : t('attachments.case');
    return { key, title, items: items.filter((a) => groupKey(a) === key) };
  });

  const download = (a: Attachment) => {
    setError(null);
    openDownload(caseId, a).catch((failure: unknown) => {
      if (failure instanceof ApiError && failure.problem?.code === 'scan_refused')
        setScanRefused((ids) => new Set(ids).add(a.id));
      setError(failure);
    });
  };

  const changeVisibility = async (a: Attachment, visibility: Visibility) => {
    setError(null);
    try {
      await unwrap(
        api.PATCH('/v1/cases/{id}/attachments/{attachmentId}', {
          params: { path: { id: caseId, attachmentId: a.id } },
          body: { visibility },
        }),
      );
      loaded.reload();
      onVisibilityChanged?.();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section className="card" aria-labelledby="attachments">
      <h2 id="attachments">{t('attachments.title')}</h2>
      <ProblemAlert error={error ?? loaded.error} />
      {!loaded.loading && items.length === 0 ? (
        <p className="muted">{t('attachments.empty')}</p>
      ) : null}
      {groups.map((g) => (
        <div key={g.key} className="attachment-group">
          <h3>{g.title}</h3>
          <ul className="plain attachments">
            {g.items.map((a) => (
              <li key={a.id}>
                <div>
                  <strong>{a.name}</strong>{' '}
                  <span className="muted small">
                    {fileKind(a, t)} · {formatSize(a.size, lang)}
                  </span>{' '}
                  <StatusBadge prefix="attachmentStatus" value={statusOf(a)} />
                </div>
                <div className="muted small">
                  {t('attachments.uploadedBy')}{' '}
                  {a.uploadedBy.sub.startsWith('intake:')
                    ? t('actor.complainant')
                    : nameOf(a.uploadedBy.agency)}{' '}
                  · <Time at={a.uploadedAt} zone={zone} />
                  {/* Why, in a sentence: the API's refusal is a developer's (it names MIME types). */}
                  {a.status === 'refused' && !a.scan
                    ? ` · ${t('attachments.refusedWhy')}`
                    : statusOf(a) === 'refused'
                      ? ` · ${t('attachments.scanRefusedWhy')}`
                      : ''}
                </div>
                <div className="attachment-actions">
                  {statusOf(a) === 'available' ? (
                    <button
                      type="button"
                      aria-label={t('attachments.downloadName', { name: a.name })}
                      onClick={() => download(a)}
                    >
                      {t('attachments.download')}
                    </button>
                  ) : null}{' '}
                  {central && a.contentType === ORIGINAL_MAIL ? (
                    // It names the complainant even when the case hides the identity: nothing
                    // to choose, and the officer reads why.
                    <>
                      <span className="badge">{labelOf(t, 'visibility', 'central')}</span>{' '}
                      <span className="muted small">
                        {t(
                          isFollowUpMail(a)
                            ? 'attachments.followUpMailCentralOnly'
                            : 'attachments.mailCentralOnly',
                        )}
                      </span>
                    </>
                  ) : central ? (
                    <label>
                      <span className="visually-hidden">
                        {t('attachments.changeVisibility', { name: a.name })}
                      </span>
                      <select
                        value={a.visibility}
                        onChange={(e) => void changeVisibility(a, e.target.value as Visibility)}
                      >
                        {VISIBILITIES.map((v) => (
                          <option key={v} value={v}>
                            {labelOf(t, 'visibility', v)}
                          </option>
                        ))}
                      </select>
                    </label>
                  ) : (
                    <span className="badge">{labelOf(t, 'visibility', a.visibility)}</span>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {central ? (
        <UploadForm caseId={caseId} central targets={targets} onUploaded={loaded.reload} />
      ) : (
        <p className="muted">
          {t(agencies.length > 0 ? 'attachments.uploadWithAnswer' : 'attachments.closed')}
        </p>
      )}
    </section>
  );
}

/**
 * An agency's upload for its answer on assignment `agencyId`, under the answer form in its
 * assignment card: a file there goes with the answer (`response`), and says so. It is saved on
 * "Unggah", not sent with the answer; the case's attachments card lists it after.
 */
export function AnswerUpload({
  caseId,
  agencyId,
  onUploaded,
}: {
  caseId: string;
  agencyId: string;
  onUploaded: () => void;
}) {
  const { t } = useI18n();
  const { nameOf } = useAgencies();
  return (
    <UploadForm
      caseId={caseId}
      central={false}
      title={t('attachments.answerUpload')}
      hint={t('attachments.answerUploadHint')}
      targets={[
        {
          value: `response:${agencyId}`,
          label: t('attachments.response', { agency: nameOf(agencyId) }),
          target: { kind: 'response', agencyId },
        },
      ]}
      onUploaded={onUploaded}
    />
  );
}

function UploadForm({
  caseId,
  central,
  targets,
  title,
  hint,
  onUploaded,
}: {
  caseId: string;
  central: boolean;
  targets: readonly TargetOption[];
  /** Its heading ("Unggah lampiran" when not given), and a sentence under it. */
  title?: string;
  hint?: string;
  onUploaded: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [target, setTarget] = useState(targets[0]!.value);
  const [visibility, setVisibility] = useState<Visibility | ''>('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // One key for one file's upload, kept while it is retried (a lost answer, a dropped
  // connection): sent again, it is the same attachment, not a second place among the 30.
  const key = useRef<string | null>(null);
  // The attachment that key started, once it did (`upload`).
  const begun = useRef<string | null>(null);
  const chosen = targets.find((o) => o.value === target) ?? targets[0]!;
  // The button disabled while sending drops focus to <body>: the outcome takes it, so the
  // keyboard goes on from here and a screen reader reads what happened.
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done || failure) outcome.current?.focus();
  }, [done, failure]);
  return (
    <form
      className="upload"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const file = fileInput.current?.files?.[0];
        setFailure(null);
        setDone(null);
        if (!file) return setFileError(t('attachments.chooseFile'));
        if (file.size > MAX_BYTES) return setFileError(t('attachments.tooLarge'));
        setFileError(null);
        setBusy(true);
        key.current ??= idempotencyKey();
        upload(caseId, file, chosen.target, visibility, key.current, begun)
          .then((a) => {
            key.current = null;
            begun.current = null;
            // A completion sent again after its refusal (the 415 lost on the way) is refused
            // again; an API that answers the record as it is instead must not read as "saved".
            if (a.status === 'refused') {
              const why = a.scan ? t('attachments.scanRefusedWhy') : t('attachments.refusedWhy');
              setFailure(new Refusal(t('attachments.refusedFile', { name: a.name, why })));
              onUploaded();
              return;
            }
            setDone(t('attachments.uploaded', { name: a.name }));
            if (fileInput.current) fileInput.current.value = '';
            onUploaded();
          })
          .catch((failure: unknown) => {
            // Nothing begun: the start itself was refused (not storage, not "complete").
            const atStart = begun.current === null;
            // Refused (a 4xx): the next try is a new request. Otherwise it may have arrived.
            if (failure instanceof ApiError && failure.status < 500) {
              key.current = null;
              begun.current = null;
            }
            // An agency's start refused as "not in this state": the assignment it answers has
            // ended since the page was read (answered in full, handed back, withdrawn), and no
            // reload changes that. Central attaches at any time: its 409s keep their sentence.
            setFailure(
              central || !atStart
                ? failure
                : saying('invalid_transition', t('attachments.closedRefused'))(failure),
            );
            onUploaded(); // a refused file stays listed as refused: show it, and why
          })
          .finally(() => setBusy(false));
      }}
    >
      <h3>{title ?? t('attachments.upload')}</h3>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <div ref={outcome} tabIndex={-1}>
        <ProblemAlert
          error={failure}
          labels={{ name: t('attachments.name'), size: t('attachments.name') }}
        />
        {done ? (
          <p className="alert" role="status">
            {done}
          </p>
        ) : null}
      </div>
      <div className={`field${fileError ? ' field-invalid' : ''}`}>
        <label htmlFor={`${id}-file`}>{t('attachments.file')}</label>
        <input
          id={`${id}-file`}
          ref={fileInput}
          onChange={() => {
            key.current = null;
            begun.current = null;
          }}
          type="file"
          accept=".pdf,.jpg,.jpeg,.png,.docx,application/pdf,image/jpeg,image/png,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          aria-invalid={fileError ? true : undefined}
          aria-describedby={
            [fileError ? `${id}-file-error` : '', hint ? `${id}-hint` : ''].join(' ').trim() ||
            undefined
          }
        />
        {fileError ? (
          <p className="error" id={`${id}-file-error`} role="alert">
            {fileError}
          </p>
        ) : null}
      </div>
      {targets.length > 1 ? (
        <div className="field">
          <label htmlFor={`${id}-target`}>{t('attachments.attachTo')}</label>
          <select
            id={`${id}-target`}
            value={target}
            onChange={(e) => {
              key.current = null; // another request
              setTarget(e.target.value);
            }}
          >
            {targets.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {central ? (
        <div className="field">
          <label htmlFor={`${id}-visibility`}>{t('attachments.visibility')}</label>
          <select
            id={`${id}-visibility`}
            value={visibility}
            aria-describedby={`${id}-visibility-hint`}
            onChange={(e) => {
              key.current = null;
              setVisibility(e.target.value as Visibility | '');
            }}
          >
            <option value="">{t('attachments.visibilityDefault')}</option>
            {VISIBILITIES.map((v) => (
              <option key={v} value={v}>
                {labelOf(t, 'visibility', v)}
              </option>
            ))}
          </select>
          <p className="hint" id={`${id}-visibility-hint`}>
            {t('attachments.visibilityHint')}
          </p>
        </div>
      ) : null}
      <SubmitButton busy={busy}>{t('attachments.submit')}</SubmitButton>
    </form>
  );
}
