/**
 * What the tracking page asks the complainant to send, and where: central's request while the
 * case waits for them (`needs_info`), and the agencies' while their deadlines wait for them
 * (a pause with `askComplainant`), each with the unit's addresses and the number to quote.
 */
import type { Schemas } from '../api/client';
import { publicZone } from '../format';
import { useI18n } from '../i18n/i18n';
import { Time } from './ui';

/**
 * What central asked the complainant to send, where to send it, and what to quote: the agenda
 * number, never the tracking code (a credential, which an e-mail carries in the clear).
 */
export function InfoRequest({
  request,
}: {
  request: NonNullable<Schemas['Tracking']['infoRequest']>;
}) {
  const { t } = useI18n();
  const zone = publicZone();
  return (
    <section className="alert" aria-labelledby="info-request">
      <h3 id="info-request">{t('track.infoTitle')}</h3>
      {request.missing ? (
        <>
          <p>{t('track.infoIntro')}</p>
          <p className="prose">
            <strong>{request.missing}</strong>
          </p>
        </>
      ) : (
        <p>{t('track.infoGeneric')}</p>
      )}
      <p className="small muted">
        {t('track.infoAsked')} <Time at={request.requestedAt} zone={zone} />
      </p>
      <SendHow to={request} />
    </section>
  );
}

/**
 * What agencies waiting for the complainant ask them to send (their deadlines stand meanwhile),
 * each under the agency's name: it goes through central, which holds who complained.
 */
export function AgencyRequests({
  requests,
}: {
  requests: NonNullable<Schemas['Tracking']['agencyRequests']>;
}) {
  const { t } = useI18n();
  const zone = publicZone();
  return (
    <section className="alert" aria-labelledby="agency-requests">
      <h3 id="agency-requests">{t('track.agencyRequestsTitle')}</h3>
      <ul className="plain">
        {requests.items.map((r) => (
          <li key={`${r.agencyName}-${r.askedAt}`}>
            <p>
              {t('track.agencyRequestAsks', { agency: r.agencyName })}{' '}
              <span className="small muted">
                (<Time at={r.askedAt} zone={zone} />)
              </span>
            </p>
            <p className="prose">
              <strong>{r.asked}</strong>
            </p>
          </li>
        ))}
      </ul>
      <p className="small">{t('track.agencyRequestsPaused')}</p>
      <SendHow to={requests} />
    </section>
  );
}

/**
 * Where to send what is asked (central's e-mail, the unit's postal address) and what to quote:
 * the agenda number, never the tracking code.
 */
function SendHow({
  to,
}: {
  to: {
    sendTo: { name: string; email: string } | null;
    postalAddress?: string | null;
    reference: string | null;
  };
}) {
  const { t } = useI18n();
  return (
    <>
      <p>
        {to.postalAddress
          ? to.sendTo
            ? t('track.infoHowPost', {
                email: to.sendTo.email,
                name: to.sendTo.name,
                address: to.postalAddress,
              })
            : t('track.infoHowPostOnly', { address: to.postalAddress })
          : to.sendTo
            ? t('track.infoHow', { email: to.sendTo.email, name: to.sendTo.name })
            : t('track.infoHowGeneric')}{' '}
        {to.reference ? (
          <>
            {t('track.infoReference')} <strong>{to.reference}</strong>.
          </>
        ) : (
          t('track.infoReferenceGeneric')
        )}
      </p>
      <p className="small">{t('track.infoKeepCode')}</p>
    </>
  );
}
