/**
 * Who confirmed receipt of an assignment (`acknowledgedBy`), on its case card, when it was
 * someone else: a focal point's coordinator learns its member unit did, the unit that its
 * coordinator did, central which of them did when not the card's own agency. Nobody is told it
 * did so itself; an acknowledgement recorded before who was kept says nothing (the deadlines
 * say when, the history who).
 */
import type { Schemas } from '../api/client';
import { isCentral } from '../auth/session';
import { useSession } from '../auth/session-context';
import { formatInstant, type TimeZone } from '../format';
import { useI18n } from '../i18n/i18n';
import { useAgencies } from './agencies';

export function AcknowledgedBy({
  assignment: a,
  zone,
}: {
  assignment: Schemas['Assignment'];
  /** The reader's zone. */
  zone: TimeZone;
}) {
  const { t, lang } = useI18n();
  const { nameOf } = useAgencies();
  const session = useSession().session;
  const at = a.met.acknowledge;
  const by = a.acknowledgedBy;
  if (!session || !at || !by) return null;
  // Central never acknowledges: to it, the card's own agency doing so goes without saying.
  const itself = isCentral(session) ? a.agencyId : session.agency;
  if (by === itself) return null;
  return (
    <p className="muted">
      {t('assignment.acknowledgedBy', {
        agency: nameOf(by),
        at: formatInstant(at, zone, lang),
      })}
    </p>
  );
}
