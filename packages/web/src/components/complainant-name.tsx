/**
 * Who sent a case, in central's lists that find it by a person (the search's results, the
 * complainant's other complaints): the name, and, as the case page says it, that central hid
 * the identity from the agencies. A dash for an anonymous complaint. Central's only: an agency
 * is never shown a name in a list (nor sent one where the identity is hidden).
 */
import type { Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';

export function ComplainantName({
  kase,
}: {
  kase: Pick<Schemas['SearchHit'], 'complainant' | 'identityHidden'>;
}) {
  const { t } = useI18n();
  if (!kase.complainant) return <>—</>;
  return (
    <>
      {kase.complainant.name}
      {kase.identityHidden ? (
        <>
          {' '}
          <span className="badge">{t('case.identityHiddenFromAgencies')}</span>
        </>
      ) : null}
    </>
  );
}
