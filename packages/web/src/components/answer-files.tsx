/**
 * An agency's files for its answer, chosen in its answer form (assignment-actions.tsx) and
 * stored on its "Kirim" before the answer is sent, by the one upload routine (upload-file.ts).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { keep, readKept } from '../forms/use-form';
import { useI18n } from '../i18n/i18n';
import { problemSentence, Refusal } from './ui';
import {
  ACCEPT,
  type FileUpload,
  fileUpload,
  formatSize,
  MAX_BYTES,
  storeFile,
} from './upload-file';

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
  /**
   * The names of files chosen before the page was taken away (an expired session) and not
   * stored: the text comes back with the draft, files cannot; said until files are chosen again.
   */
  readonly lost: readonly string[];
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
  draftKey,
}: {
  caseId: string;
  agencyId: string;
  onStored?: (() => void) | undefined;
  /** The answer form's draft: the names of the files chosen are kept beside it. */
  draftKey?: string | undefined;
}): AnswerFiles {
  const { t } = useI18n();
  const namesKey = draftKey ? `${draftKey}:files` : undefined;
  const [files, setFiles] = useState<readonly AnswerFile[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [lost, setLost] = useState<readonly string[]>(() => {
    const kept = namesKey ? readKept(namesKey) : null;
    return Array.isArray(kept) ? kept.filter((n): n is string => typeof n === 'string') : [];
  });
  // The names of the files not stored yet, kept while they are (or, until files are chosen
  // again, the names lost), for the form given back after signing in to say.
  const unsent = files.filter((f) => f.state !== 'stored').map((f) => f.upload.file.name);
  const names = files.length > 0 ? unsent : lost;
  const namesKept = JSON.stringify(names);
  useEffect(() => {
    if (namesKey) keep(namesKey, namesKept === '[]' ? null : (JSON.parse(namesKept) as unknown));
  }, [namesKey, namesKept]);
  const mark = (upload: FileUpload, state: AnswerFile['state']) =>
    setFiles((all) => all.map((f) => (f.upload === upload ? { upload, state } : f)));
  return {
    files,
    error,
    lost,
    add: (chosen) => {
      setLost([]);
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
      setLost([]);
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
          files.lost.length > 0 && !listed ? `${id}-lost` : '',
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
      {files.lost.length > 0 && !listed ? (
        <p className="alert small answer-files-lost" id={`${id}-lost`}>
          {t('attachments.answerFilesLost', { names: files.lost.join(', ') })}
        </p>
      ) : null}
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
