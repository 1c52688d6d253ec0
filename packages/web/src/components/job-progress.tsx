/**
 * The progress of a re-arming job a calendar or policy edit, or an agency's zone correction,
 * started (or a moved unit's give-backs): polled until it ends, shown where the admin made the
 * edit (a live region, so a screen reader hears it finish); one that stopped is carried on from
 * here.
 */
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { api, type Schemas, unwrap } from '../api/client';
import { useSignedIn } from '../auth/session-context';
import { formatInstant } from '../format';
import { useI18n } from '../i18n/i18n';
import { useServerNow } from '../server-clock';
import { AgencyName } from './agencies';
import { ProblemAlert } from './ui';

type Job = Schemas['Job'];
const ENDED: readonly Job['state'][] = ['completed', 'failed', 'superseded'];
/** How often the console asks (each look is one item read). */
export const JOB_POLL_MS = 1000;
/** As the API's `JOB_STALLED_AFTER_MS`: a job's record standing still this long has stopped. */
export const JOB_STALLED_MS = 15 * 60_000;

export function JobProgress({ job: started }: { job: Job }) {
  const { t, lang } = useI18n();
  const { zone } = useSignedIn();
  // The job followed: the edit's, or the one that carries it on ("Lanjutkan").
  const [followed, setFollowed] = useState(started);
  const [job, setJob] = useState(started);
  const [error, setError] = useState<unknown>(null);
  const [carrying, setCarrying] = useState(false);
  useEffect(() => setFollowed(started), [started]);
  useEffect(() => {
    setJob(followed);
    if (ENDED.includes(followed.state)) return;
    let live = true;
    const timer = setInterval(() => {
      unwrap(api.GET('/v1/jobs/{id}', { params: { path: { id: followed.id } } })).then(
        (next) => {
          if (!live) return;
          setJob(next);
          if (ENDED.includes(next.state)) clearInterval(timer);
        },
        (failure: unknown) => live && setError(failure),
      );
    }, JOB_POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [followed]);
  // A job that stopped, or could not do some: a new one carries it on (the whole scope again,
  // what is current already left alone). Saving the edit again could not: a removed holiday is
  // no longer listed, and a time zone already saved starts nothing.
  // Under way on its record, but not moved for a quarter of an hour (every page and chunk
  // moves it): its execution died without a word, and only a new job carries it on.
  const serverNow = useServerNow();
  const stalled =
    !ENDED.includes(job.state) &&
    (serverNow ?? new Date()).getTime() - Date.parse(job.updatedAt) > JOB_STALLED_MS;
  const unfinished =
    stalled || job.state === 'failed' || (job.state === 'completed' && job.failed > 0);
  const carryOn = () => {
    setError(null);
    setCarrying(true);
    unwrap(api.POST('/v1/jobs/{id}/retry', { params: { path: { id: job.id } } }))
      .then(setFollowed, setError)
      .finally(() => setCarrying(false));
  };
  const vars = { total: job.total, done: job.done, failed: job.failed, moved: job.moved };
  // A moved unit's give-backs are told as such (its counts are delegations, not deadlines).
  const key = job.kind === 'member' ? 'jobMember' : 'job';
  return (
    <div className="job-progress">
      <p role="status" className={job.state === 'failed' ? 'error' : 'ok'}>
        {t(`${key}.${job.state}`, vars)}
      </p>
      {job.state === 'running' ? (
        <progress max={Math.max(job.total, 1)} value={job.done + job.failed} />
      ) : null}
      {stalled ? (
        <p className="error">
          {t('job.stalled', { at: formatInstant(job.updatedAt, zone, lang) })}
        </p>
      ) : null}
      {unfinished ? (
        <button type="button" onClick={carryOn} disabled={carrying}>
          {t(job.state === 'completed' ? 'job.retryFailed' : 'job.carryOn')}
        </button>
      ) : null}
      {job.failures.length > 0 ? (
        <details>
          <summary>{t(`${key}.failures`, { n: job.failed })}</summary>
          {/* The API keeps only the first failures; `failed` counts them all. */}
          {job.failed > job.failures.length ? (
            <p className="muted small">
              {t('job.failuresShown', { shown: job.failures.length, n: job.failed })}
            </p>
          ) : null}
          <ul>
            {job.failures.map((f) => (
              // The agency by name, the case by a link, why in a sentence; the server's own
              // words (English, for an operator) under them.
              <li key={`${f.caseId}/${f.agencyId}`}>
                <AgencyName id={f.agencyId} /> ·{' '}
                <Link href={`/cases/${f.caseId}`}>{t('desk.openCase')}</Link>:{' '}
                {t(`${key}.failedOne`)}
                <details className="small muted">
                  <summary>{t('common.technicalDetail')}</summary>
                  <code>{f.message}</code>
                </details>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <ProblemAlert error={error} />
    </div>
  );
}
