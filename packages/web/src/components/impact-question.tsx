/**
 * A question before an edit that cannot be undone (a calendar edit: what would move; resending
 * an agency's failed letters at once), then "yes" or "Batal" (Esc too). Focus goes to it when it
 * opens and again when the count arrives; while the count is read it says so.
 */
import { useEffect, useId, useRef } from 'react';
import { useI18n } from '../i18n/i18n';

export function ImpactQuestion({
  question,
  yes,
  busy,
  lockCancel = false,
  asking,
  onConfirm,
  onCancel,
}: {
  /** The question in words, once the count is in; null while it is read. */
  question: string | null;
  /** The button that answers yes ("Ya, hapus"). */
  yes: string;
  /** The edit is on its way: "yes" waits for its answer. */
  busy: boolean;
  /** "Batal" waits for the answer too. */
  lockCancel?: boolean;
  /** What the question is about: focus comes back to it when that changes. */
  asking: unknown;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [asking, question === null]);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className="alert confirm"
      role="alertdialog"
      aria-labelledby={id}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !busy) onCancel();
      }}
    >
      {question !== null ? (
        <>
          <p id={id}>{question}</p>
          <button
            type="button"
            className="primary"
            onClick={onConfirm}
            disabled={busy}
            aria-busy={busy}
          >
            {busy ? t('common.working') : yes}
          </button>{' '}
          <button type="button" onClick={onCancel} disabled={lockCancel && busy}>
            {t('calendar.cancel')}
          </button>
        </>
      ) : (
        <p id={id} role="status">
          {t('calendar.checking')}
        </p>
      )}
    </div>
  );
}
