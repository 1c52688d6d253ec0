/**
 * An agency's answers on a case, beside its assignment: what it reported, newest first, a page
 * at a time. Central decides to close, re-forward or plan a clarification on what each agency
 * said; on a case sent to many agencies those answers were pages of ladder steps and letters
 * down the timeline. Opened on demand (one request per agency whose answers are read), read
 * again when the assignment changes.
 */
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { usePaged } from '../data';
import type { TimeZone } from '../format';
import { labelOf, useI18n } from '../i18n/i18n';
import { Loading, Pager, ProblemAlert, Time } from './ui';

export function AgencyAnswers({
  caseId,
  agencyId,
  agencyName,
  version,
  zone,
}: {
  caseId: string;
  agencyId: string;
  agencyName: string;
  /** The assignment's version: an answer given since is read again. */
  version: number;
  /** The reader's zone, as the timeline's times are. */
  zone: TimeZone;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <details className="answers" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('answers.show', { agency: agencyName })}</summary>
      {open ? (
        <AnswerList caseId={caseId} agencyId={agencyId} version={version} zone={zone} />
      ) : null}
    </details>
  );
}

function AnswerList({
  caseId,
  agencyId,
  version,
  zone,
}: {
  caseId: string;
  agencyId: string;
  version: number;
  zone: TimeZone;
}) {
  const { t } = useI18n();
  const answers = usePaged(
    (cursor) =>
      unwrap(
        api.GET('/v1/cases/{id}/timeline', {
          params: {
            path: { id: caseId },
            query: {
              limit: 5,
              order: 'newest',
              agencyId,
              type: 'response_submitted',
              ...(cursor ? { cursor } : {}),
            },
          },
        }),
      ),
    [caseId, agencyId, version],
  );
  return (
    <>
      <ProblemAlert error={answers.error} />
      {answers.loading && answers.items.length === 0 ? <Loading /> : null}
      {!answers.loading && !answers.error && answers.items.length === 0 ? (
        <p className="muted">{t('answers.none')}</p>
      ) : null}
      <ol className="answer-list">
        {answers.items.map((e) => (
          <li key={e.id}>
            <div>
              <strong>
                {typeof e.data.kind === 'string'
                  ? labelOf(t, 'responseKind', e.data.kind)
                  : t('answers.answer')}
              </strong>{' '}
              · <Time at={e.at} zone={zone} />
            </div>
            {typeof e.data.message === 'string' ? <p className="prose">{e.data.message}</p> : null}
          </li>
        ))}
      </ol>
      <Pager hasMore={answers.hasMore} loading={answers.loading} onMore={answers.loadMore} />
    </>
  );
}
