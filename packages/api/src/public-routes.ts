/**
 * The routes that answer without a token, written once for every layer that must agree on
 * them: the app lets them through without a Bearer token, infra/api.ts gives them no JWT
 * authorizer (acknowledging cdk-nag's AwsSolutions-APIG4 with `reason`), and the rate limits
 * on public routes (the WAF's rate rule, the embedded limiter) cover `TRACKING_ROUTES`, and API
 * Gateway throttles each route whose reason says "per route" (infra/api.ts's `ROUTE_THROTTLES`:
 * the tracking and complaint routes). Imports nothing, so the CDK app can import it without the API.
 *
 * The tracking code is never part of a path: it travels in the POST body, so access logs
 * (which record paths or route keys) never keep it.
 */

/** The complainant's routes, each taking `{ code, … }` in its body. */
export const TRACK_PATHS = {
  /** `POST { code }` → the tracking view. */
  view: '/v1/track',
  /** `POST { code, satisfied, rating, message? }` → the tracking view after the reply. */
  reply: '/v1/track/reply',
} as const;

export interface PublicRoute {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  /** Why it may answer without a token (also the cdk-nag acknowledgement's reason). */
  readonly reason: string;
}

/** The public routes that take a tracking code: the ones to rate-limit per client. */
export const TRACKING_ROUTES = [
  {
    method: 'POST',
    path: TRACK_PATHS.view,
    reason:
      'Citizens have no accounts: the unguessable tracking code handed to the complainant is ' +
      'the credential, sent in the request body (never the path, so access logs do not keep ' +
      'it) and checked by the application; the response shows only the public status. ' +
      'Throttled per route, and per client by the WAF.',
  },
  {
    method: 'POST',
    path: TRACK_PATHS.reply,
    reason:
      'The complainant replies to the final answer on their own complaint, authorised by the ' +
      'tracking code in the request body (checked by the application, only inside the reply ' +
      'window); throttled per route, and per client by the WAF.',
  },
] as const satisfies readonly PublicRoute[];

/** The public complaint form's routes (`/adukan` in the console), limited per client too. */
export const COMPLAINT_PATHS = {
  /** `GET` → an ALTCHA proof-of-work challenge. */
  challenge: '/v1/complaints/challenge',
  /** `POST { altcha, … }` → the receipt with the tracking code. */
  submit: '/v1/complaints',
} as const;

export const COMPLAINT_ROUTES = [
  {
    method: 'GET',
    path: COMPLAINT_PATHS.challenge,
    reason:
      'Citizens have no accounts: the public complaint form first fetches a signed ' +
      'proof-of-work challenge (stateless, one HMAC); throttled per route, and per client by ' +
      'the WAF.',
  },
  {
    method: 'POST',
    path: COMPLAINT_PATHS.submit,
    reason:
      'The public complaint form: anyone may complain without an account. The body must carry ' +
      'a solved proof-of-work challenge, each good for one complaint (checked by the ' +
      'application); the case lands in received for central to verify. Throttled per route, ' +
      'and per client by the WAF.',
  },
] as const satisfies readonly PublicRoute[];

/** Every route that answers without a token; everything else needs one. */
export const PUBLIC_ROUTES = [
  {
    method: 'GET',
    path: '/health',
    reason: 'Liveness probe for uptime monitors; returns no data.',
  },
  {
    method: 'GET',
    path: '/openapi.json',
    reason: 'The OpenAPI document is the published API contract, public by design.',
  },
  {
    method: 'GET',
    path: '/docs',
    reason: 'Interactive documentation rendering the public OpenAPI document.',
  },
  ...TRACKING_ROUTES,
  ...COMPLAINT_ROUTES,
] as const satisfies readonly PublicRoute[];

/** Whether a request (its method and exact path) is one of the public routes. */
export const isPublicRoute = (method: string, path: string): boolean =>
  PUBLIC_ROUTES.some((route) => route.method === method && route.path === path);
