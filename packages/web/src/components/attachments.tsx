/**
 * A case's attachments (issue 15): the complaint's documents, the agencies' responses' and the
 * activity reports', each with its download link; central sees who may read each one and
 * changes it. Uploads go the way the API sets out: start (the record and a presigned form),
 * POST the file straight to storage (S3 on AWS), then complete (the type is read from the
 * bytes). An agency attaches to its own responses only, choosing the files in its answer form
 * (`AnswerFilesField`, in its assignment card), which stores them on "Kirim" before it sends the
 * answer; the case's card lists its files and says where they are chosen.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { FOLLOW_UP_MAIL_NAME } from '@pantau/core/schemas';
import { api, ApiError, idempotencyKey, type Schemas, unwrap } from '../api/client';
import { useLoad } from '../data';
import type { TimeZone } from '../format';
import { labelOf, type Translate, useI18n } from '../i18n/i18n';
import { useAgencies } from './agencies';
import {
  ProblemAlert,
  problemSentence,
  Refusal,
  saying,
  StatusBadge,
  SubmitButton,
  Time,
} from './ui';
import './documents.css';

type Attachment = Schemas['Attachment'];
type Visibility = Attachment['visibility'];
type Target = NonNullable<Schemas['CreateAttachment']['attachedTo']>;

const MAX_BYTES = 20 * 1024 * 1024;
/** What the file chooser offers: the types the API keeps (it reads the type from the bytes). */
const ACCEPT =
  '.pdf,.jpg,.jpeg,.png,.docx,application/pdf,image/jpeg,image/png,application/vnd.openxmlformats-officedocument.wordprocessingml.document';
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

/**
 * One file on its way to a case, kept while it is retried (a lost answer, a dropped
 * connection): one key for its upload, so that sent again it is the same attachment, not a
 * second place among the 30, and the attachment that key started, once it did (`upload`).
 */
interface FileUpload {
  readonly file: File;
  key: string | null;
  readonly begun: { current: string | null };
}

const fileUpload = (file: File): FileUpload => ({ file, key: null, begun: { current: null } });

/**
 * The one upload routine, for central's form and an agency's answer: `item` stored on `target`,
 * the attachment as kept; else what stopped it, in the reader's words where the API's would
 * mislead. Refused (a 4xx), the next try is a new request; otherwise it may have arrived, and
 * the key stays.
 */
async function storeFile(
  caseId: string,
  item: FileUpload,
  target: Target,
  visibility: Visibility | '',
  { t, central }: { t: Translate; central: boolean },
): Promise<Attachment> {
  item.key ??= idempotencyKey();
  let stored: Attachment;
  try {
    stored = await upload(caseId, item.file, target, visibility, item.key, item.begun);
  } catch (failure) {
    // Nothing begun: the start itself was refused (not storage, not "complete").
    const atStart = item.begun.current === null;
    if (failure instanceof ApiError && failure.status < 500) {
      item.key = null;
      item.begun.current = null;
    }
    // An agency's start refused as "not in this state": the assignment it answers has ended
    // since the page was read (answered in full, handed back, withdrawn), and no reload
    // changes that. Central attaches at any time: its 409s keep their sentence.
    throw central || !atStart
      ? failure
      : saying('invalid_transition', t('attachments.closedRefused'))(failure);
  }
  item.key = null;
  item.begun.current = null;
  // A completion sent again after its refusal (the 415 lost on the way) is refused again; an
  // API that answers the record as it is instead must not read as "saved".
  if (stored.status === 'refused') {
    const why = stored.scan ? t('attachments.scanRefusedWhy') : t('attachments.refusedWhy');
    throw new Refusal(t('attachments.refusedFile', { name: stored.name, why }));
  }
  return stored;
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

/** A file chosen for an agency's answer, and how far it went. */
interface AnswerFile {
  readonly upload: FileUpload;
  readonly state: 'chosen' | 'storing' | 'stored' | 'failed';
}

/** The files an agency chose for its answer, stored on "Kirim" before the answer is sent. */
export interface AnswerFiles {
  readonly files: readonly AnswerFile[];
  /** Files over 20 MB left out as they were chosen, said at the field. */
  readonly error: string | null;
  add(chosen: readonly File[]): void;
  remove(file: File): void;
  /**
   * Stores each file not stored yet, in turn, as an attachment of the agency's response: their
   * names once all are kept. The first that is not stops it, in a sentence naming the file and
   * why (the answer is not to be sent); the others stay chosen, and those stored are not sent
   * again on the next try.
   */
  store(): Promise<string[]>;
  /** The answer went: nothing chosen any more. */
  clear(): void;
}

/**
 * An agency's files for its answer on assignment `agencyId`: chosen in the answer form, stored
 * there on "Kirim" (the same upload as central's: start, storage, complete), before the answer,
 * as the API takes none once a final one has ended the assignment. `onStored`: a file was
 * stored (or refused), the case's attachments card reads its list again.
 */
export function useAnswerFiles({
  caseId,
  agencyId,
  onStored,
}: {
  caseId: string;
  agencyId: string;
  onStored?: (() => void) | undefined;
}): AnswerFiles {
  const { t } = useI18n();
  const [files, setFiles] = useState<readonly AnswerFile[]>([]);
  const [error, setError] = useState<string | null>(null);
  const mark = (upload: FileUpload, state: AnswerFile['state']) =>
    setFiles((all) => all.map((f) => (f.upload === upload ? { upload, state } : f)));
  return {
    files,
    error,
    add: (chosen) => {
      const big = chosen.filter((file) => file.size > MAX_BYTES);
      setError(
        big.length > 0
          ? t('attachments.tooLargeNamed', { names: big.map((f) => f.name).join(', ') })
          : null,
      );
      // The same file chosen twice goes once.
      const same = (a: File, b: File) =>
        a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;
      setFiles((all) => [
        ...all,
        ...chosen
          .filter((file) => file.size <= MAX_BYTES)
          .filter((file, i, list) => list.findIndex((f) => same(f, file)) === i)
          .filter((file) => !all.some((f) => same(f.upload.file, file)))
          .map((file) => ({ upload: fileUpload(file), state: 'chosen' as const })),
      ]);
    },
    remove: (file) => {
      setError(null);
      setFiles((all) => all.filter((f) => f.upload.file !== file));
    },
    store: async () => {
      let tried = false;
      try {
        for (const { upload: item, state } of files) {
          if (state === 'stored') continue;
          tried = true;
          mark(item, 'storing');
          try {
            await storeFile(caseId, item, { kind: 'response', agencyId }, '', {
              t,
              central: false,
            });
          } catch (failure) {
            mark(item, 'failed');
            // The API's refusal kept as the cause: one saying the assignment ended meanwhile
            // makes the page read it again.
            throw new Refusal(
              t('attachments.answerNotSent', {
                name: item.file.name,
                why: problemSentence(t, failure),
              }),
              { cause: failure instanceof Refusal && failure.cause ? failure.cause : failure },
            );
          }
          mark(item, 'stored');
        }
      } finally {
        if (tried) onStored?.();
      }
      return files.map((f) => f.upload.file.name);
    },
    clear: () => {
      setFiles([]);
      setError(null);
    },
  };
}

const STATE_WORDS = {
  chosen: null,
  storing: 'attachments.answerFileStoring',
  stored: 'attachments.answerFileStored',
  failed: 'attachments.answerFileFailed',
} as const;

/**
 * The answer form's file field: several files, each listed under it with its size and how far
 * it went, and taken off again until it is stored. Its hint says the files go on "Kirim".
 */
export function AnswerFilesField({ files }: { files: AnswerFiles }) {
  const { t, lang } = useI18n();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const listed = files.files.length > 0;
  return (
    <div className={`field${files.error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{t('attachments.answerFiles')}</label>
      <input
        id={id}
        ref={input}
        className="answer-files-input"
        type="file"
        multiple
        accept={ACCEPT}
        aria-invalid={files.error ? true : undefined}
        aria-describedby={[
          `${id}-hint`,
          listed ? `${id}-chosen` : '',
          files.error ? `${id}-error` : '',
        ]
          .filter(Boolean)
          .join(' ')}
        onChange={(e) => {
          files.add([...(e.currentTarget.files ?? [])]);
          // Listed below, where each is taken off again: the input is ready for more.
          e.currentTarget.value = '';
        }}
      />
      <p className="hint" id={`${id}-hint`}>
        {t('attachments.answerFilesHint')}
      </p>
      {files.error ? (
        <p className="error" id={`${id}-error`} role="alert">
          {files.error}
        </p>
      ) : null}
      {listed ? (
        <>
          <p className="small answer-files-chosen" id={`${id}-chosen`}>
            {t('attachments.answerFilesChosen', { n: files.files.length })}
          </p>
          <ul className="plain answer-files">
            {files.files.map(({ upload: { file }, state }) => (
              <li key={`${file.name}:${file.size}:${file.lastModified}`}>
                <span className="answer-file-name">{file.name}</span>{' '}
                <span className="muted small">{formatSize(file.size, lang)}</span>
                {STATE_WORDS[state] ? (
                  <>
                    {' '}
                    <span className={`small${state === 'failed' ? ' error' : ' muted'}`}>
                      {t(STATE_WORDS[state])}
                    </span>
                  </>
                ) : null}
                {state === 'stored' ? null : (
                  <button
                    type="button"
                    aria-label={t('attachments.answerFileRemove', { name: file.name })}
                    onClick={() => {
                      files.remove(file);
                      // Its button gone with it: back to the field, not <body>.
                      input.current?.focus();
                    }}
                  >
                    {t('attachments.remove')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
