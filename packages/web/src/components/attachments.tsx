/**
 * A case's attachments (issue 15): the complaint's documents, the agencies' responses' and the
 * activity reports', each with its download link; central sees who may read each one and
 * changes it. Uploads go the way the API sets out, by the one routine (upload-file.ts). An
 * agency attaches to its own responses only, choosing the files in its answer form
 * (`AnswerFilesField`, answer-files.tsx, in its assignment card), which stores them on "Kirim"
 * before it sends the answer; the case's card lists its files and says where they are chosen.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { FOLLOW_UP_MAIL_NAME } from '@pantau/core/schemas';
import { api, ApiError, type Schemas, unwrap } from '../api/client';
import { useLoad } from '../data';
import type { TimeZone } from '../format';
import { labelOf, type Translate, useI18n } from '../i18n/i18n';
import { useAgencies } from './agencies';
import { ProblemAlert, StatusBadge, SubmitButton, Time } from './ui';
import {
  ACCEPT,
  type Attachment,
  type FileUpload,
  fileUpload,
  formatSize,
  MAX_BYTES,
  storeFile,
  type Target,
  type Visibility,
} from './upload-file';
import './documents.css';

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
   * more files), whose files it chooses in its answer form (`AnswerFilesField`).
   */
  agencies: readonly string[];
  /** The case's monitoring activities, as the case lists them (an activity report takes attachments). */
  activities: readonly Pick<Schemas['Activity'], 'id' | 'kind'>[];
  zone: TimeZone;
  /** A file was shared with the agencies or taken back: the timeline has a new entry. */
  onVisibilityChanged?: () => void;
  /** Changed when a file was stored elsewhere on the page (an agency's answer): read again. */
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
        <UploadForm caseId={caseId} targets={targets} onUploaded={loaded.reload} />
      ) : (
        <p className="muted">
          {t(agencies.length > 0 ? 'attachments.uploadWithAnswer' : 'attachments.closed')}
        </p>
      )}
    </section>
  );
}

/** Central's upload, to any target: the case, an agency's response, an activity report. */
function UploadForm({
  caseId,
  targets,
  onUploaded,
}: {
  caseId: string;
  targets: readonly TargetOption[];
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
  // The file on its way, kept while it is retried; another file, target or visibility is
  // another request.
  const item = useRef<FileUpload | null>(null);
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
        const pending = (item.current ??= fileUpload(file));
        storeFile(caseId, pending, chosen.target, visibility, { t, central: true })
          .then((a) => {
            item.current = null;
            setDone(t('attachments.uploaded', { name: a.name }));
            if (fileInput.current) fileInput.current.value = '';
          })
          .catch((failure: unknown) => setFailure(failure))
          // A refused file stays listed as refused: shown, and why.
          .finally(() => {
            setBusy(false);
            onUploaded();
          });
      }}
    >
      <h3>{t('attachments.upload')}</h3>
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
            item.current = null;
          }}
          type="file"
          accept={ACCEPT}
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? `${id}-file-error` : undefined}
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
              item.current = null; // another request
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
      <div className="field">
        <label htmlFor={`${id}-visibility`}>{t('attachments.visibility')}</label>
        <select
          id={`${id}-visibility`}
          value={visibility}
          aria-describedby={`${id}-visibility-hint`}
          onChange={(e) => {
            item.current = null;
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
      <SubmitButton busy={busy}>{t('attachments.submit')}</SubmitButton>
    </form>
  );
}
