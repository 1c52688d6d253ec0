/**
 * A text as it was written (its line breaks kept, `.prose`), a long one shown folded to its
 * first part (`foldText`) with a button for the whole: a follow-up e-mail of 20,000 characters
 * would otherwise fill the timeline it sits in.
 */
import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { foldText } from '../timeline';

export function FoldedText({
  text,
  at,
}: {
  text: string;
  /** Where to fold, in characters (`FOLD_AT` unless said): central's instructions fold sooner. */
  at?: number;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const folded = foldText(text, at);
  return (
    <div className="folded-text">
      <div className="prose">{folded && !open ? folded : text}</div>
      {folded ? (
        <button
          type="button"
          className="small"
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
        >
          {t(open ? 'timeline.showLess' : 'timeline.showAll')}
        </button>
      ) : null}
    </div>
  );
}
