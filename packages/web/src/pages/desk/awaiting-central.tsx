import { Link } from 'wouter';
import { api, type Schemas, unwrap } from '../../api/client';
import { Time } from '../../components/ui';
import { usePaged } from '../../data';
import type { TimeZone } from '../../format';
import { labelOf, type Translate, useI18n } from '../../i18n/i18n';
import { ListCard, page } from './list-card';

/**
 * Cases waiting on central, with the day to verify and forward them by (3 working days from
 * receipt): new ones to verify, and those verified but not yet forwarded, whose deadline runs
 * until the first forward; both oldest received first, which for cases registered as they came
 * is the soonest deadline (or one past) on top (an imported register's cases, and one accepted
 * after `needs_info`, count theirs from later: each row shows its own). And those waiting for the complainant's missing details, with when
 * they were asked (their deadline is stopped), and when the complainant's e-mail joined the
 * case since (a reply by letter comes outside Pantau); central accepts the case when it has come.
 */
export function AwaitingCentral({
  zone,
  status,
}: {
  zone: TimeZone;
  status: 'received' | 'verified' | 'needs_info';
}) {
  const { t } = useI18n();
  // To verify and to forward: oldest received first, which is soonest deadline first for
  // cases registered as they came (both run from receipt), so those past theirs head the
  // card; its next pages go on in that order. (No index by deadline: README, "Limits".)
  const order = status === 'needs_info' ? 'newest' : 'oldest';
  const list = usePaged(
    (cursor) =>
      unwrap(
        api.GET('/v1/cases', {
          params: { query: { status, order, ...page(cursor) } },
        }),
      ),
    [status, order],
  );
  const [id, title, by] = {
    received: ['to-verify', t('desk.toVerify'), t('desk.verifyBy')] as const,
    verified: ['to-forward', t('desk.toForward'), t('desk.forwardBy')] as const,
    needs_info: ['awaiting-complainant', t('desk.awaitingComplainant'), t('desk.askedOn')] as const,
  }[status];
  // The register on the same status and order: every one of them, paged.
  const all = `/cases?status=${status}${order === 'oldest' ? '&order=oldest' : ''}`;
  return (
    <ListCard id={id} title={title} short={t(`desk.short.${status}`)} list={list} all={all}>
      {(shown) => (
        <ul className="plain">
          {shown.map((c) => (
            <li key={c.id}>
              <Link href={`/cases/${c.id}`}>{c.subject}</Link>{' '}
              <span className="muted small">{cameFrom(c, t)}</span>{' '}
              <span className="muted small">
                {by}{' '}
                <Time
                  at={
                    status === 'needs_info'
                      ? (c.infoRequest?.requestedAt ?? c.updatedAt)
                      : c.verificationDueAt
                  }
                  zone={zone}
                />
              </span>
              {/* The complainant's e-mail joined the case since: its timeline has it. */}
              {status === 'needs_info' && c.infoRequest?.answeredAt ? (
                <span className="badge">
                  {t('desk.complainantAnswered')} <Time at={c.infoRequest.answeredAt} zone={zone} />
                </span>
              ) : null}
              {c.overdue ? (
                <span className="badge deadline-overdue">{t('deadline.overdue')}</span>
              ) : null}
              {/* A newsletter's or a list's mail: a case all the same (the mail is the record),
                marked so central sorts it at a glance. */}
              {c.bulkMail ? <span className="badge">{t('desk.bulkMail')}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </ListCard>
  );
}

/**
 * How a case came (its channel), and for an e-mail from whom: the sender's display name, or
 * their address when they gave none (the intake names the complainant so). Not when the
 * identity is hidden or the report confidential: the list is read at a glance, over a
 * shoulder, where the case page marks a hidden identity beside the name.
 */
function cameFrom(c: Schemas['Case'], t: Translate): string {
  const channel = labelOf(t, 'channel', c.channel);
  const sender =
    c.channel === 'email' && !c.identityHidden && !c.confidential ? c.complainant?.name : null;
  return sender ? `${channel} · ${sender}` : channel;
}

/** Complaints whose complainant was not satisfied: central forwards them again. */
export function Reopened({ zone }: { zone: TimeZone }) {
  const { t } = useI18n();
  const list = usePaged(
    (cursor) =>
      unwrap(
        api.GET('/v1/cases', {
          params: { query: { status: 'reopened', ...page(cursor) } },
        }),
      ),
    [],
  );
  return (
    <ListCard
      id="reopened"
      title={t('desk.reopened')}
      short={t('desk.short.reopened')}
      list={list}
      all="/cases?status=reopened"
    >
      {(shown) => (
        <ul className="plain">
          {shown.map((c) => (
            <li key={c.id}>
              <Link href={`/cases/${c.id}`}>{c.subject}</Link>{' '}
              <span className="muted small">
                {t('desk.updatedAt')} <Time at={c.updatedAt} zone={zone} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </ListCard>
  );
}
