/**
 * The isolation matrix: every operation of the served OpenAPI document × every kind of caller
 * (central roles, the owning agency, another agency, the owning agency's focal point, and five
 * tokens that must not get in), each cell its own test with an explicit expected outcome.
 *
 * - 'ok': the request got through the access checks: not 401/403/404 (a 2xx, or a 400/409
 *   from the domain: mutations run in table order on shared fixtures, so a later cell may meet
 *   a state an earlier one left behind; the matrix asserts access, not the transition).
 * - 401 / 403 / 404: exactly that problem (`unauthorized` / `forbidden` / `not_found`).
 *
 * A new operation in the document without a row in EXPECTED fails, and so does a row naming
 * an operation the document no longer has. Rows run in table order, destructive ones last.
 *
 * One more row runs across every cell: SEES_TRACKING_CODE. The tracking code is the
 * complainant's credential (whoever holds it may reply as them and close the case), so no
 * answer to anyone but central ever carries one of the fixtures' codes; nor any part of the
 * delegated case's complainant, whose identity central hid (HIDDEN_COMPLAINANT).
 *
 * And no existence oracle: a caller refused an operation, or reading a record it may not see,
 * gets the same answer whether an id it names exists or not (in the path, the query or the
 * body; REFERENCES lists the ids each operation takes, and a new one without an entry fails).
 */
import { generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from '@pantau/local';
import {
  type Api,
  api,
  type ApiResponse,
  complaint,
  expectProblem,
  type Json,
  type RunningPantau,
  solvedAltcha,
  startPantau,
  token,
  users,
  forwardedCase,
} from '../support/runtime.ts';
import { attach, forwardingLetter } from '../support/documents.ts';

/** The owning agency: a member unit of the focal point `atr-bpn`. */
const OWNER = 'kanwil-bpn-jatim';
const FOCAL_POINT = 'atr-bpn';
/** An agency with no assignment on the fixture cases (the case is also forwarded to polri). */
const OTHER = 'pln';

const PRINCIPALS = [
  'central_admin',
  'central_officer',
  'owner_coordinator', // kanwil-bpn-jatim
  'owner_officer',
  'other_coordinator', // pln
  'other_officer',
  'focal_coordinator', // atr-bpn, the owner's focal point
  'focal_officer',
  'no_token',
  'expired_token',
  'foreign_key', // signed by another key (under the local key's id)
  'alg_none', // unsigned
  'wrong_audience', // the local issuer's own key, audience `other`
] as const;
type Principal = (typeof PRINCIPALS)[number];
type Outcome = 'ok' | 401 | 403 | 404;
type Row = Record<Principal, Outcome>;

/** One outcome per principal, in PRINCIPALS order (a tuple of exactly as many). */
type Cells<T extends readonly unknown[]> = { readonly [K in keyof T]: Outcome };
const row = (...cells: Cells<typeof PRINCIPALS>): Row =>
  Object.fromEntries(PRINCIPALS.map((p, i) => [p, cells[i]])) as Row;

// Columns: CA central_admin, CO central_officer, OC/OO owner (kanwil-bpn-jatim) coordinator/
// officer, XC/XO other agency (pln), FC/FO focal point (atr-bpn), NT no token, EX expired,
// FK foreign key, AN alg none, WA wrong audience.
// Path parameters: {id} the case forwarded to kanwil-bpn-jatim and polri, {agencyId}
// kanwil-bpn-jatim, its {requestId}, the case's {activityId}; calendar {id} `id`, {date} a day
// put for the purpose, {year}; policy {id} `default`; agency {id} kanwil-bpn-jatim. The case's
// tracking code goes in the tracking routes' bodies (no path carries one).
// prettier-ignore
const EXPECTED: Record<string /* 'METHOD /path' */, Row> = {
  //     CA    CO    OC    OO    XC    XO    FC    FO    NT    EX    FK    AN    WA
  'GET /health':
    row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'),
  'POST /v1/track':
    row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'),
  'POST /v1/track/reply':
    row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'),
  'GET /v1/complaints/challenge':
    row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'),
  'POST /v1/complaints':
    row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'),
  'POST /v1/imports/cases':
    row('ok',  403,  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  'POST /v1/agencies':
    row('ok',  403,  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  'GET /v1/agencies':
    row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok',  401,  401,  401,  401,  401),
  'GET /v1/agencies/{id}':
    row('ok', 'ok', 'ok', 'ok',  404,  404, 'ok', 'ok',  401,  401,  401,  401,  401),
  // Names only (no contacts), for anyone signed in: the console shows and searches them.
  'GET /v1/agency-names':
    row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok',  401,  401,  401,  401,  401),
  'PATCH /v1/agencies/{id}':
    row('ok',  403,  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  'POST /v1/cases':
    row('ok', 'ok',  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  'GET /v1/cases':
    row('ok', 'ok',  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  'GET /v1/cases/{id}':
    row('ok', 'ok', 'ok', 'ok',  404,  404, 'ok', 'ok',  401,  401,  401,  401,  401),
  'GET /v1/cases/{id}/timeline':
    row('ok', 'ok', 'ok', 'ok',  404,  404, 'ok', 'ok',  401,  401,  401,  401,  401),
  'POST /v1/cases/{id}/verification':
    row('ok', 'ok',  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  'PATCH /v1/cases/{id}':
    row('ok', 'ok',  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  'POST /v1/cases/{id}/assignments':
    row('ok', 'ok',  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  'GET /v1/cases/{id}/assignments/{agencyId}':
    row('ok', 'ok', 'ok', 'ok',  404,  404, 'ok', 'ok',  401,  401,  401,  401,  401),
  'GET /v1/cases/{id}/assignments/{agencyId}/deadlines':
    row('ok', 'ok', 'ok', 'ok',  404,  404, 'ok', 'ok',  401,  401,  401,  401,  401),
  'POST /v1/cases/{id}/assignments/{agencyId}/acknowledge':
    row( 403,  403, 'ok', 'ok',  404,  404, 'ok',  403,  401,  401,  401,  401,  401),
  'POST /v1/cases/{id}/assignments/{agencyId}/responses':
    row( 403,  403, 'ok', 'ok',  404,  404, 'ok',  403,  401,  401,  401,  401,  401),
  'POST /v1/cases/{id}/assignments/{agencyId}/extension-requests/{requestId}/decision':
    row('ok', 'ok',  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  'POST /v1/cases/{id}/assignments/{agencyId}/extension-requests':
    row( 403,  403, 'ok', 'ok',  404,  404, 'ok',  403,  401,  401,  401,  401,  401),
  'POST /v1/cases/{id}/assignments/{agencyId}/delegate':
    row( 403,  403, 'ok',  403,  404,  404,  403,  403,  401,  401,  401,  401,  401),
  'POST /v1/cases/{id}/assignments/{agencyId}/pause':
    row('ok', 'ok', 'ok', 'ok',  404,  404, 'ok',  403,  401,  401,  401,  401,  401),
  'POST /v1/cases/{id}/assignments/{agencyId}/resume':
    row('ok', 'ok', 'ok', 'ok',  404,  404, 'ok',  403,  401,  401,  401,  401,  401),
  'POST /v1/cases/{id}/activities':
    row('ok', 'ok',  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  'POST /v1/cases/{id}/activities/{activityId}/report':
    row('ok', 'ok',  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  'POST /v1/cases/{id}/activities/{activityId}/cancel':
    row('ok', 'ok',  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  'POST /v1/cases/{id}/activities/{activityId}/schedule':
    row('ok', 'ok',  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  'GET /v1/activities':
    row('ok', 'ok',  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  // An agency's coming activities: its own (central has none to be invited to).
  'GET /v1/activities/invited':
    row( 403,  403, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok',  401,  401,  401,  401,  401),
  'GET /v1/calendars/{id}/days':
    row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok',  401,  401,  401,  401,  401),
  'PATCH /v1/calendars/{id}/days':
    row('ok',  403,  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  'POST /v1/calendars/{id}/days/impact':
    row('ok',  403,  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  'PUT /v1/calendars/{id}/days/{date}':
    row('ok',  403,  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  'GET /v1/calendars/{id}/days/{date}/impact':
    row('ok',  403,  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  'DELETE /v1/calendars/{id}/days/{date}':
    row('ok',  403,  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  'PUT /v1/calendars/{id}/years/{year}':
    row('ok',  403,  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  'GET /v1/policies':
    row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok',  401,  401,  401,  401,  401),
  'GET /v1/policies/{id}':
    row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok',  401,  401,  401,  401,  401),
  'PUT /v1/policies/{id}':
    row('ok',  403,  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  'GET /v1/jobs/{id}':
    row('ok', 'ok',  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  // Carrying on a stopped job is the admin's, who made the edit (an officer reads its progress).
  'POST /v1/jobs/{id}/retry':
    row('ok',  403,  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  'GET /v1/queue':
    row( 403,  403, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok',  401,  401,  401,  401,  401),
  'GET /v1/assignments':
    row('ok', 'ok',  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  'GET /v1/extension-requests':
    row('ok', 'ok',  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  'GET /v1/clock':
    row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok',  401,  401,  401,  401,  401),
  'GET /v1/notifications':
    row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok',  401,  401,  401,  401,  401),
  'GET /v1/notifications/failed':
    row('ok', 'ok',  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  'GET /v1/notifications/failed/agencies':
    row('ok', 'ok',  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  'GET /v1/stats/agencies':
    row('ok', 'ok',  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  'GET /v1/stats/agencies.csv':
    row('ok', 'ok',  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  'GET /v1/exports/cases.csv':
    row('ok', 'ok',  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  // The same two spreadsheets as Excel workbooks.
  'GET /v1/stats/agencies.xlsx':
    row('ok', 'ok',  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  'GET /v1/exports/cases.xlsx':
    row('ok', 'ok',  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  // Central's worklist as a file to send to agencies: central's, as the worklist is.
  'GET /v1/exports/assignments.csv':
    row('ok', 'ok',  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  'GET /v1/exports/assignments.xlsx':
    row('ok', 'ok',  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  // Issue 15. {attachmentId}: a central-only scan on the case (agencies reading the case never
  // reach it); {letterId}: the forwarding letter to kanwil-bpn-jatim.
  'GET /v1/settings/documents':
    row('ok', 'ok',  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  'PUT /v1/settings/documents':
    row('ok',  403,  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  'POST /v1/cases/{id}/attachments':
    row('ok', 'ok',  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  'GET /v1/cases/{id}/attachments':
    row('ok', 'ok', 'ok', 'ok',  404,  404, 'ok', 'ok',  401,  401,  401,  401,  401),
  'POST /v1/cases/{id}/attachments/{attachmentId}/complete':
    row('ok', 'ok',  404,  404,  404,  404,  404,  404,  401,  401,  401,  401,  401),
  'GET /v1/cases/{id}/attachments/{attachmentId}/download':
    row('ok', 'ok',  404,  404,  404,  404,  404,  404,  401,  401,  401,  401,  401),
  'PATCH /v1/cases/{id}/attachments/{attachmentId}':
    row('ok', 'ok',  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  'GET /v1/cases/{id}/letters/{letterId}/pdf':
    row('ok', 'ok', 'ok', 'ok',  404,  404, 'ok', 'ok',  401,  401,  401,  401,  401),
  // Central's alone, the role checked before the letter is read. The fixture letter was
  // delivered: central gets 409 (not failed), which is through the access checks.
  'POST /v1/cases/{id}/letters/{letterId}/resend':
    row('ok', 'ok',  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  'POST /v1/cases/{id}/letters/{letterId}/dismiss':
    row('ok', 'ok',  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  'GET /v1/cases/{id}/receipt/pdf':
    row('ok', 'ok',  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  // Every user searches (an agency over its own assignments): the POST's query is the main
  // case's tracking code, the GET's its words; no agency's answer may carry the code
  // (SEES_TRACKING_CODE).
  'GET /v1/search':
    row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok',  401,  401,  401,  401,  401),
  'POST /v1/search':
    row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok',  401,  401,  401,  401,  401),
  // Destructive: the owner's assignment is redirected, then the case closed.
  'POST /v1/cases/{id}/assignments/{agencyId}/redirect':
    row( 403,  403, 'ok', 'ok',  404,  404, 'ok',  403,  401,  401,  401,  401,  401),
  'POST /v1/cases/{id}/close':
    row('ok', 'ok',  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  // Central's alone, the role checked before the case is read (no agency learns more).
  'POST /v1/cases/{id}/assignments/{agencyId}/withdraw':
    row('ok', 'ok',  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
};

/**
 * The focal point's own assignment (a case forwarded to atr-bpn only; {agencyId} atr-bpn, its
 * {requestId}): its member unit kanwil-bpn-jatim never sees it, the focal point's officer may
 * act on it as its own agency's user.
 */
// prettier-ignore
const EXPECTED_ON_FOCAL_POINT_ASSIGNMENT: Record<string /* 'METHOD /path' */, Row> = {
  //     CA    CO    OC    OO    XC    XO    FC    FO    NT    EX    FK    AN    WA
  'GET /v1/cases/{id}':
    row('ok', 'ok',  404,  404,  404,  404, 'ok', 'ok',  401,  401,  401,  401,  401),
  'GET /v1/cases/{id}/timeline':
    row('ok', 'ok',  404,  404,  404,  404, 'ok', 'ok',  401,  401,  401,  401,  401),
  'GET /v1/cases/{id}/assignments/{agencyId}':
    row('ok', 'ok',  404,  404,  404,  404, 'ok', 'ok',  401,  401,  401,  401,  401),
  'GET /v1/cases/{id}/assignments/{agencyId}/deadlines':
    row('ok', 'ok',  404,  404,  404,  404, 'ok', 'ok',  401,  401,  401,  401,  401),
  'POST /v1/cases/{id}/assignments/{agencyId}/acknowledge':
    row( 403,  403,  404,  404,  404,  404, 'ok', 'ok',  401,  401,  401,  401,  401),
  'POST /v1/cases/{id}/assignments/{agencyId}/responses':
    row( 403,  403,  404,  404,  404,  404, 'ok', 'ok',  401,  401,  401,  401,  401),
  'POST /v1/cases/{id}/assignments/{agencyId}/extension-requests/{requestId}/decision':
    row('ok', 'ok',  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
  'POST /v1/cases/{id}/assignments/{agencyId}/extension-requests':
    row( 403,  403,  404,  404,  404,  404, 'ok', 'ok',  401,  401,  401,  401,  401),
  'POST /v1/cases/{id}/assignments/{agencyId}/delegate':
    row( 403,  403,  404,  404,  404,  404, 'ok',  403,  401,  401,  401,  401,  401),
  'POST /v1/cases/{id}/assignments/{agencyId}/pause':
    row('ok', 'ok',  404,  404,  404,  404, 'ok', 'ok',  401,  401,  401,  401,  401),
  'POST /v1/cases/{id}/assignments/{agencyId}/resume':
    row('ok', 'ok',  404,  404,  404,  404, 'ok', 'ok',  401,  401,  401,  401,  401),
  'POST /v1/cases/{id}/assignments/{agencyId}/redirect':
    row( 403,  403,  404,  404,  404,  404, 'ok', 'ok',  401,  401,  401,  401,  401),
  'POST /v1/cases/{id}/assignments/{agencyId}/withdraw':
    row('ok', 'ok',  403,  403,  403,  403,  403,  403,  401,  401,  401,  401,  401),
};

/**
 * A case forwarded to atr-bpn, which delegated it to its member unit kanwil-bpn-jatim: the
 * member unit reads it as its own (the reads only: what it is shown is the point here).
 */
// prettier-ignore
const EXPECTED_ON_DELEGATED_ASSIGNMENT: Record<string /* 'METHOD /path' */, Row> = {
  //     CA    CO    OC    OO    XC    XO    FC    FO    NT    EX    FK    AN    WA
  'GET /v1/cases/{id}':
    row('ok', 'ok', 'ok', 'ok',  404,  404, 'ok', 'ok',  401,  401,  401,  401,  401),
  'GET /v1/cases/{id}/timeline':
    row('ok', 'ok', 'ok', 'ok',  404,  404, 'ok', 'ok',  401,  401,  401,  401,  401),
  'GET /v1/cases/{id}/assignments/{agencyId}':
    row('ok', 'ok', 'ok', 'ok',  404,  404, 'ok', 'ok',  401,  401,  401,  401,  401),
  'GET /v1/cases/{id}/assignments/{agencyId}/deadlines':
    row('ok', 'ok', 'ok', 'ok',  404,  404, 'ok', 'ok',  401,  401,  401,  401,  401),
};

/** Who may ever read a tracking code: central only (the complainant has no token). */
const SEES_TRACKING_CODE: Record<Principal, boolean> = Object.fromEntries(
  PRINCIPALS.map((p) => [p, p === 'central_admin' || p === 'central_officer']),
) as Record<Principal, boolean>;

/**
 * The complainant of the delegated case, whose identity central hid: whoever may not read a
 * tracking code may not read any of it either (an agency, its member unit, the public), in
 * any answer of any operation, a list's (the queue, the worklist, search, exports) included.
 */
const HIDDEN_COMPLAINANT = {
  name: 'Theresia Kusumaningrum Halawa',
  idNumber: '3578014710880006',
  email: 'theresia.halawa@example.net',
  phone: '+6281233219876',
  address: 'Jl. Kertajaya Indah Gg. Cendana No. 23, Surabaya',
};
/** Each of its values, and the words of its name and address a view could carry apart. */
const HIDDEN_IDENTITY_FRAGMENTS = [
  ...Object.values(HIDDEN_COMPLAINANT),
  'Kusumaningrum',
  'Halawa',
  'Kertajaya',
  // The phone as typed in Indonesia, and the NIK's digits as a view might group them.
  '081233219876',
];

// ---- fixtures -------------------------------------------------------------------------

interface Fixtures {
  /** Forwarded to kanwil-bpn-jatim and polri. */
  readonly caseId: string;
  readonly trackingCode: string;
  /** kanwil-bpn-jatim's pending extension request on it. */
  readonly requestId: string;
  readonly activityId: string;
  /** Other activities of the case, to cancel and to schedule (the first one gets reported). */
  readonly cancelledActivityId: string;
  readonly scheduledActivityId: string;
  /** Issue 15: a central-only attachment of the case, and its forwarding letter to the owner. */
  readonly attachmentId: string;
  readonly letterId: string;
  /** The document settings as stored, as a PUT body. */
  readonly documentSettings: Json;
  /** Forwarded to atr-bpn only. */
  readonly focalCaseId: string;
  /** atr-bpn's pending extension request on it. */
  readonly focalRequestId: string;
  /** Forwarded to atr-bpn, delegated to kanwil-bpn-jatim. */
  readonly delegatedCaseId: string;
  /** Forwarded to kanwil-bpn-jatim: words and a complainant of its own, for search. */
  readonly searchCaseId: string;
  /** Every fixture case's tracking code (none may reach an agency). */
  readonly trackingCodes: readonly string[];
  /** The default policy as stored, as a PUT body (with the `version` read). */
  readonly policy: Json;
  /** The re-arming job the calendar edit started. */
  readonly jobId: string;
  /** A solved proof of work for the complaint form, a fresh one each call. */
  readonly altcha: () => string;
}

/** Which record each table's rows act on. */
interface Scenario {
  readonly caseId: string;
  readonly agencyId: string;
  readonly requestId: string;
}

const CALENDAR_ID = 'id';
const CALENDAR_DATE = '2099-12-30';
const CALENDAR_YEAR = '2099';
const POLICY_ID = 'default';

/** Minimal valid bodies, so that a request reaches the access checks rather than validation. */
const BODIES: Record<string /* 'METHOD /path' */, (f: Fixtures) => unknown> = {
  // The tracking code travels in the body, never in a path.
  'POST /v1/track': (f) => ({ code: f.trackingCode }),
  'POST /v1/search': (f) => ({ q: f.trackingCode }),
  'POST /v1/track/reply': (f) => ({ code: f.trackingCode, satisfied: true, rating: 5 }),
  'POST /v1/agencies': () => ({
    id: 'matrix-agency',
    name: 'Agency for the isolation matrix',
    kind: 'agency',
    contacts: [{ name: 'Liaison', email: 'liaison@matrix-agency.example.go.id' }],
  }),
  'PATCH /v1/agencies/{id}': () => ({ name: 'Kantor Wilayah BPN Provinsi Jawa Timur' }),
  'POST /v1/cases': () => complaint(),
  // Each complaint spends its proof: every cell gets its own.
  'POST /v1/complaints': (f) => ({
    altcha: f.altcha(),
    anonymous: true,
    subject: 'Pengaduan uji matriks',
    description: 'Pengaduan lewat formulir publik untuk matriks isolasi.',
  }),
  // A dry run: the matrix asserts access, and writes nothing.
  'POST /v1/imports/cases': () => ({
    format: 'csv',
    content: Buffer.from(
      'Nomor Surat,Tanggal,Perihal,Uraian\nM-1/2025,02/01/2025,Uji matriks,Baris uji impor.\n',
    ).toString('base64'),
    mapping: {
      letterNumber: 'Nomor Surat',
      receivedAt: 'Tanggal',
      subject: 'Perihal',
      description: 'Uraian',
    },
  }),
  'POST /v1/cases/{id}/verification': () => ({ decision: 'accept', type: 'normative' }),
  'PATCH /v1/cases/{id}': () => ({ agencyDescription: 'Uraian untuk instansi (uji matriks).' }),
  'POST /v1/cases/{id}/assignments': () => ({ assignments: [{ agencyId: 'polri' }] }),
  'POST /v1/cases/{id}/close': () => ({ outcome: 'withdrawn' }),
  'POST /v1/cases/{id}/assignments/{agencyId}/acknowledge': () => ({}),
  'POST /v1/cases/{id}/assignments/{agencyId}/responses': () => ({
    kind: 'progress',
    message: 'Sedang dilakukan pengukuran ulang bidang tanah.',
  }),
  'POST /v1/cases/{id}/assignments/{agencyId}/redirect': () => ({
    reason: 'Bukan kewenangan kami.',
  }),
  'POST /v1/cases/{id}/assignments/{agencyId}/withdraw': () => ({
    reason: 'Diteruskan ke instansi yang keliru.',
  }),
  'POST /v1/cases/{id}/letters/{letterId}/dismiss': () => ({
    note: 'Disampaikan langsung melalui telepon.',
  }),
  'POST /v1/cases/{id}/assignments/{agencyId}/extension-requests': () => ({
    workingDays: 5,
    reason: 'Menunggu hasil pengukuran ulang.',
  }),
  'POST /v1/cases/{id}/assignments/{agencyId}/extension-requests/{requestId}/decision': () => ({
    approve: true,
  }),
  'POST /v1/cases/{id}/assignments/{agencyId}/delegate': () => ({ memberId: null }),
  'POST /v1/cases/{id}/assignments/{agencyId}/pause': () => ({
    reason: 'Menunggu dokumen dari pengadu.',
  }),
  'POST /v1/cases/{id}/assignments/{agencyId}/resume': () => ({}),
  'POST /v1/cases/{id}/activities': () => ({ kind: 'clarification' }),
  'POST /v1/cases/{id}/activities/{activityId}/report': () => ({
    heldAt: new Date(Date.now() - 60_000).toISOString(),
    outcome: 'Klarifikasi selesai',
    summary: 'Para pihak hadir dan memberi keterangan.',
  }),
  'POST /v1/cases/{id}/activities/{activityId}/cancel': () => ({
    reason: 'Instansi sudah menanggapi; klarifikasi tidak diperlukan.',
  }),
  'POST /v1/cases/{id}/activities/{activityId}/schedule': () => ({
    scheduledAt: '2026-06-10T10:00:00+07:00',
  }),
  'PATCH /v1/calendars/{id}/days': () => ({
    days: [{ date: '2099-12-29', kind: 'other', name: 'Hari uji matriks (daftar)' }],
  }),
  'POST /v1/calendars/{id}/days/impact': () => ({
    days: [{ date: '2099-12-29', kind: 'other', name: 'Hari uji matriks (daftar)' }],
  }),
  'PUT /v1/calendars/{id}/days/{date}': () => ({ kind: 'other', name: 'Hari uji matriks' }),
  'PUT /v1/policies/{id}': (f) => f.policy,
  'PUT /v1/settings/documents': (f) => f.documentSettings,
  'POST /v1/cases/{id}/attachments': () => ({ name: 'matriks.pdf', size: 100 }),
  'PATCH /v1/cases/{id}/attachments/{attachmentId}': () => ({ visibility: 'central' }),
};

/** Query strings of GET operations that need one to reach the access checks. */
const QUERIES: Record<string /* 'METHOD /path' */, (f: Fixtures) => string> = {
  // Words of the main case (the GET refuses a tracking code: it would sit in the URL), so that
  // the agencies on it get hits that must not carry its code.
  'GET /v1/search': () => `?q=${encodeURIComponent('sertifikat tanah')}`,
};
const withQuery = (key: string, path: string) => path + (QUERIES[key]?.(fixtures) ?? '');

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

interface Operation {
  readonly responses: Record<string, unknown>;
  readonly requestBody?: unknown;
}

let pantau: RunningPantau;
let http: Api;
let fixtures: Fixtures;
/** The served document's operations, by 'METHOD /path' (without /dev/*, /docs, /openapi.json). */
let operations: Map<string, Operation>;
/** The Bearer token each principal sends (none for `no_token`). */
let tokens: Record<Principal, string | undefined>;

beforeAll(async () => {
  // Little work per proof: the matrix solves one for each complaint-form cell.
  pantau = await startPantau({ env: { PANTAU_POW_MAX_COUNTER: '20' } });
  http = api(pantau.url);
  const as = users(pantau.url);

  // Minted first, checked to be past its expiry once the fixtures are made.
  const expiredToken = await token(pantau.url, {
    sub: 'matrix-expired',
    agency: 'setneg',
    role: 'central_admin',
    expiresInSeconds: 1,
  });
  const expiredAt = Date.now() + 2_000;

  const doc = await http.get('/openapi.json');
  expect(doc.status, doc.text).toBe(200);
  operations = new Map();
  for (const [path, item] of Object.entries(doc.body.paths as Record<string, Json>)) {
    if (path.startsWith('/dev/') || path === '/docs' || path === '/openapi.json') continue;
    for (const [method, operation] of Object.entries(item as Record<string, Operation>)) {
      if (HTTP_METHODS.includes(method))
        operations.set(`${method.toUpperCase()} ${path}`, operation);
    }
  }

  const central = await as('setneg', 'central_officer');
  const ok = (res: ApiResponse, status: number) => {
    expect(res.status, res.text).toBe(status);
    return res.body;
  };
  const forwarded = async (agencyIds: string[]) =>
    (await forwardedCase(http, central, agencyIds)) as { id: string; trackingCode: string };

  const extension = async (caseId: string, agencyId: string) => {
    const res = await http.post(
      `/v1/cases/${caseId}/assignments/${agencyId}/extension-requests`,
      { workingDays: 3, reason: 'Menunggu data dari kantor pertanahan.' },
      { token: await as(agencyId, 'agency_coordinator') },
    );
    return ok(res, 201).id as string;
  };

  const main = await forwarded([OWNER, 'polri']);
  const focal = await forwarded([FOCAL_POINT]);
  // Its complainant's identity hidden: no agency reads it, in any view or list (SEES_IDENTITY).
  const delegated = (await forwardedCase(http, central, [FOCAL_POINT], {
    body: { identityHidden: true, complainant: HIDDEN_COMPLAINANT },
  })) as { id: string; trackingCode: string };
  ok(
    await http.post(
      `/v1/cases/${delegated.id}/assignments/${FOCAL_POINT}/delegate`,
      { memberId: OWNER },
      { token: await as(FOCAL_POINT, 'agency_coordinator') },
    ),
    200,
  );
  const searched = (await forwardedCase(http, central, [OWNER], {
    body: {
      subject: 'Penyerobotan lahan transmigrasi di Lumajang',
      complainant: {
        name: 'Wayan Sukerta',
        idNumber: '5103041201800003',
        email: 'wayan.sukerta@example.com',
        phone: '+62 812 9876 5432',
      },
    },
  })) as { id: string; trackingCode: string };
  const activity = ok(
    await http.post(
      `/v1/cases/${main.id}/activities`,
      { kind: 'clarification' },
      { token: central },
    ),
    201,
  );
  const toCancel = ok(
    await http.post(`/v1/cases/${main.id}/activities`, { kind: 'mediation' }, { token: central }),
    201,
  );
  const toSchedule = ok(
    await http.post(
      `/v1/cases/${main.id}/activities`,
      { kind: 'coordination' },
      { token: central },
    ),
    201,
  );
  const admin = await as('setneg', 'central_admin');
  const altchas = await Promise.all(PRINCIPALS.map(() => solvedAltcha(http)));
  const edit = ok(
    await http.request(
      'PUT',
      `/v1/calendars/${CALENDAR_ID}/days/${CALENDAR_DATE}`,
      { kind: 'other', name: 'Hari uji matriks' },
      { token: admin },
    ),
    202,
  );
  // With the version each was read at, as the console sends them (a save since: a 409, 'ok').
  const {
    id: _id,
    updatedAt: _updatedAt,
    ...policy
  } = ok(await http.get(`/v1/policies/${POLICY_ID}`, { token: admin }), 200);
  const scan = ok(
    await attach(http, central, main.id, { name: 'pindaian-surat.pdf', visibility: 'central' }),
    200,
  );
  const letter = await forwardingLetter(http, central, main.id, OWNER);
  const { updatedAt: _u, ...documentSettings } = ok(
    await http.get('/v1/settings/documents', { token: admin }),
    200,
  );
  fixtures = {
    attachmentId: scan.id,
    letterId: letter.id,
    documentSettings,
    caseId: main.id,
    trackingCode: main.trackingCode,
    requestId: await extension(main.id, OWNER),
    activityId: activity.id,
    cancelledActivityId: toCancel.id,
    scheduledActivityId: toSchedule.id,
    focalCaseId: focal.id,
    focalRequestId: await extension(focal.id, FOCAL_POINT),
    delegatedCaseId: delegated.id,
    searchCaseId: searched.id,
    trackingCodes: [
      main.trackingCode,
      focal.trackingCode,
      delegated.trackingCode,
      searched.trackingCode,
    ],
    policy,
    jobId: edit.job.id,
    altcha: () => {
      const next = altchas.shift();
      if (!next) throw new Error('no solved proof of work left: solve more in beforeAll');
      return next;
    },
  };

  // Forged tokens all claim the most powerful identity: only the signature or claims differ.
  const jwk = JSON.parse(await readFile(join(pantau.dataDir, 'issuer-key.json'), 'utf8')) as JWK;
  const claims = { agency: 'setneg', role: 'central_admin' };
  const sign = (key: Parameters<SignJWT['sign']>[0], audience: string) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: jwk.kid! })
      .setSubject('matrix-intruder')
      .setIssuer(LOCAL_ISSUER)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(key);
  const { privateKey: foreignKey } = await generateKeyPair('RS256');
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = {
    ...claims,
    sub: 'matrix-intruder',
    iss: LOCAL_ISSUER,
    aud: LOCAL_AUDIENCE,
    iat: now,
    exp: now + 3600,
  };

  tokens = {
    central_admin: admin,
    central_officer: central,
    owner_coordinator: await as(OWNER, 'agency_coordinator'),
    owner_officer: await as(OWNER, 'agency_officer'),
    other_coordinator: await as(OTHER, 'agency_coordinator'),
    other_officer: await as(OTHER, 'agency_officer'),
    focal_coordinator: await as(FOCAL_POINT, 'agency_coordinator'),
    focal_officer: await as(FOCAL_POINT, 'agency_officer'),
    no_token: undefined,
    expired_token: expiredToken,
    foreign_key: await sign(foreignKey, LOCAL_AUDIENCE),
    alg_none: `${b64({ alg: 'none', typ: 'JWT' })}.${b64(unsigned)}.`,
    wrong_audience: await sign(await importJWK(jwk, 'RS256'), 'other'),
  };

  // Controls: the real key with the right audience gets in; the short-lived token is past due.
  const control = await http.get('/v1/cases', {
    token: await sign(await importJWK(jwk, 'RS256'), LOCAL_AUDIENCE),
  });
  expect(control.status, control.text).toBe(200);
  await new Promise((done) => setTimeout(done, Math.max(0, expiredAt - Date.now()) + 100));
});

afterAll(async () => {
  await pantau?.stop();
});

// ---- the matrix -----------------------------------------------------------------------

/** The request path with its parameters filled in; fails on a parameter it cannot fill. */
function pathOf(
  template: string,
  scenario: Scenario,
  overrides: Readonly<Record<string, string>> = {},
): string {
  const collection = template.split('/')[2];
  const values: Record<string, string> = {
    id:
      collection === 'calendars'
        ? CALENDAR_ID
        : collection === 'policies'
          ? POLICY_ID
          : collection === 'agencies'
            ? OWNER
            : collection === 'jobs'
              ? fixtures.jobId
              : scenario.caseId,
    agencyId: scenario.agencyId,
    requestId: scenario.requestId,
    activityId: template.endsWith('/cancel')
      ? fixtures.cancelledActivityId
      : template.endsWith('/schedule')
        ? fixtures.scheduledActivityId
        : fixtures.activityId,
    attachmentId: fixtures.attachmentId,
    letterId: fixtures.letterId,
    date: CALENDAR_DATE,
    year: CALENDAR_YEAR,
  };
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = overrides[name] ?? values[name];
    if (value === undefined) throw new Error(`no fixture for path parameter {${name}}`);
    return encodeURIComponent(value);
  });
}

const PROBLEM_CODES = { 401: 'unauthorized', 403: 'forbidden', 404: 'not_found' } as const;
/** A tracking code's shape (Crockford base32, 4-4-5). */
const TRACKING_CODE = /[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{5}/;

function matrix(table: Record<string, Row>, scenario: () => Scenario): void {
  for (const [key, expectations] of Object.entries(table)) {
    describe(key, () => {
      for (const principal of PRINCIPALS) {
        const expected = expectations[principal];
        it(`${principal} → ${expected}`, async () => {
          const operation = operations.get(key);
          expect(operation, `${key} is not in the served document`).toBeDefined();
          const [method, template] = key.split(' ') as [string, string];
          const makeBody = BODIES[key];
          if (operation!.requestBody !== undefined)
            expect(makeBody, `${key} takes a body: add one to BODIES`).toBeDefined();
          const res = await http.request(
            method,
            withQuery(key, pathOf(template, scenario())),
            makeBody?.(fixtures),
            tokens[principal] === undefined ? {} : { token: tokens[principal] },
          );
          const context = `${key} as ${principal}: ${res.status} ${res.text.slice(0, 500)}`;
          // The public tracking routes are called with the code: they may echo it.
          if (!SEES_TRACKING_CODE[principal] && !template.startsWith('/v1/track')) {
            for (const code of fixtures.trackingCodes)
              expect(res.text, `${context}: carries a tracking code`).not.toContain(code);
            for (const fragment of HIDDEN_IDENTITY_FRAGMENTS)
              expect(res.text, `${context}: carries a hidden identity`).not.toContain(fragment);
          }
          if (expected === 'ok') {
            expect([401, 403, 404], context).not.toContain(res.status);
            expect(res.status, context).toBeLessThan(500);
          } else {
            expect(res.status, context).toBe(expected);
            expectProblem(res, expected, PROBLEM_CODES[expected]);
          }
          expect(
            Object.keys(operation!.responses),
            `${context}: the document does not list ${res.status} for ${key}`,
          ).toContain(String(res.status));
        });
      }
    });
  }
}

describe('the served document and the matrix agree', () => {
  it('every operation has an expectation (a new operation without one fails)', () => {
    const missing = [...operations.keys()].filter((key) => !(key in EXPECTED));
    expect(missing, 'operations without a row in EXPECTED').toEqual([]);
  });

  it('every expectation names an operation the document has', () => {
    const stale = [
      ...Object.keys(EXPECTED),
      ...Object.keys(EXPECTED_ON_FOCAL_POINT_ASSIGNMENT),
      ...Object.keys(EXPECTED_ON_DELEGATED_ASSIGNMENT),
    ].filter((key) => !operations.has(key));
    expect(stale, 'rows naming operations the document no longer has').toEqual([]);
  });

  it('the demo configuration mounts /dev on loopback, and its startup banner says so', async () => {
    const doc = await http.get('/openapi.json');
    expect(Object.keys(doc.body.paths)).toContain('/dev/tokens');
    expect(new URL(pantau.url).hostname).toBe('127.0.0.1');
    expect(pantau.output()).toMatch(/Dev routes\s+mounted: \/dev\/tokens mints anyone's token/);
  });

  it('operations anyone may call are documented without a required token', () => {
    const publicOps = Object.entries(EXPECTED)
      .filter(([, r]) => r.no_token === 'ok')
      .map(([key]) => key);
    const secured = publicOps.filter((key) => {
      const security = (operations.get(key) as { security?: unknown[] } | undefined)?.security;
      return !(Array.isArray(security) && security.length === 0);
    });
    expect(secured, 'public operations that inherit the document’s bearer requirement').toEqual([]);
  });

  it('the tracking code: central reads it on the case; the document promises it to no agency', async () => {
    // The control for SEES_TRACKING_CODE: central does get the code the agencies never see.
    const res = await http.get(`/v1/cases/${fixtures.caseId}`, { token: tokens.central_admin });
    expect(res.body.trackingCode).toBe(fixtures.trackingCodes[0]);
    // The Case schema serves agencies too: the code is not a field they are promised, and no
    // example in the document carries one.
    const doc = (await http.get('/openapi.json')).body;
    const caseSchema = doc.components.schemas.Case;
    expect(caseSchema.required).not.toContain('trackingCode');
    expect(caseSchema.properties.trackingCode.description).toMatch(/central/i);
    const examples = JSON.stringify(doc).match(/"examples?":("[^"]*"|\{[^}]*\}|\[[^\]]*\])/g);
    expect(examples?.filter((e) => TRACKING_CODE.test(e)) ?? []).toEqual([]);
  });
});

describe('search across tenants', () => {
  /**
   * The console's way (the query in the body). The first contract's GET answers words alike,
   * and refuses an identifier or identity (400 on `q`), which would sit in a logged URL.
   */
  const search = async (
    principal: Principal,
    q: string,
    get: 'alike' | 'refused' | 'words' = 'alike',
  ) => {
    const token = tokens[principal]!;
    const posted = await http.post('/v1/search', { q }, { token });
    expect(posted.status, posted.text).toBe(200);
    const got = await http.get(`/v1/search?q=${encodeURIComponent(q)}`, { token });
    if (get === 'alike') expect(got.body).toEqual(posted.body);
    else if (get === 'words') {
      // Searched as the words it reads as, never looked up as a code.
      expect(got.status, got.text).toBe(200);
      expect(got.body.items.map((h: { matchedBy: string }) => h.matchedBy)).not.toContain(
        'trackingCode',
      );
    } else {
      expectProblem(got, 400, 'validation_failed');
      expect(
        got.body.errors.map((e: { path: string }) => e.path),
        q,
      ).toEqual(['q']);
      expect(got.body.errors[0].message).toMatch(/POST \/v1\/search/);
    }
    return (posted.body.items as { id: string; matchedBy: string }[]).map((h) => [
      h.id,
      h.matchedBy,
    ]);
  };

  it('an agency finds its own case by words, another agency never does', async () => {
    const hit = [[fixtures.searchCaseId, 'words']];
    expect(await search('owner_officer', 'penyerobotan lumajang')).toEqual(hit);
    expect(await search('focal_coordinator', 'LAHAN transmigrasi')).toEqual(hit);
    expect(await search('central_officer', 'penyerobotan')).toEqual(hit);
    for (const principal of ['other_officer', 'other_coordinator'] as const)
      expect(await search(principal, 'penyerobotan lumajang'), principal).toEqual([]);
  });

  it('central finds it by identity in any form; the agency on it never does', async () => {
    expect(await search('central_officer', '0812-9876-5432', 'refused')).toEqual([
      [fixtures.searchCaseId, 'phone'],
    ]);
    for (const q of ['Wayan Sukerta', 'sukerta'])
      expect(await search('owner_coordinator', q), q).toEqual([]);
    for (const q of [
      '0812-9876-5432',
      '+62 812 9876 5432',
      '5103041201800003',
      'WAYAN.SUKERTA@example.com',
    ])
      expect(await search('owner_coordinator', q, 'refused'), q).toEqual([]);
  });

  it('the GET refuses a tracking code or identity in the URL; the POST finds the case', async () => {
    const code = fixtures.trackingCodes.at(-1)!;
    for (const [q, matchedBy] of [
      [code, 'trackingCode'],
      ['5103041201800003', 'idNumber'],
      ['+62 812 9876 5432', 'phone'],
      ['WAYAN.SUKERTA@example.com', 'email'],
    ] as const) {
      // A code without a digit (13 letters: about 1 code in 130) reads as a word in a URL: the
      // GET searches it as words (the route's rule), so it is refused only with a digit.
      const inUrl = matchedBy === 'trackingCode' && !/\d/.test(q) ? 'words' : 'refused';
      expect(await search('central_officer', q, inUrl), q).toEqual([
        [fixtures.searchCaseId, matchedBy],
      ]);
    }
  });
});

// ---- no existence oracle --------------------------------------------------------------

/** What an id names, for who may know it exists. */
type Kind =
  | 'case'
  | 'assignment'
  | 'agency'
  | 'hiddenAgency'
  | 'calendar'
  | 'policy'
  | 'attachment'
  | 'letter'
  | 'job';

/** Path parameters that name a record, with a well-formed id that names none. */
const PATH_REFERENCES: Record<string, { kind: (template: string) => Kind; missing: string }> = {
  id: {
    kind: (t) =>
      (
        ({
          cases: 'case',
          agencies: 'agency',
          calendars: 'calendar',
          policies: 'policy',
          jobs: 'job',
        }) as const
      )[t.split('/')[2] as string] ??
      (() => {
        throw new Error(`{id} of an unknown collection in ${t}`);
      })(),
    missing: 'no-such-record',
  },
  agencyId: { kind: () => 'assignment', missing: 'no-such-agency' },
  requestId: { kind: () => 'assignment', missing: '01JZZZZZZZZZZZZZZZZZZZZZZY' },
  activityId: { kind: () => 'case', missing: '01JZZZZZZZZZZZZZZZZZZZZZZX' },
  attachmentId: { kind: () => 'attachment', missing: '01JZZZZZZZZZZZZZZZZZZZZZZW' },
  letterId: { kind: () => 'letter', missing: '01JZZZZZZZZZZZZZZZZZZZZZZV' },
};
/** Path parameters that are values, not references to a record. */
const PATH_VALUES = ['date', 'year'];
/** A case id that exists nowhere (ULID-shaped). */
const MISSING_CASE = '01JZZZZZZZZZZZZZZZZZZZZZZZ';

/**
 * An agency that exists and that no agency principal of the matrix may see (only central):
 * what a stranger would probe for.
 */
const HIDDEN_AGENCY = 'pemprov-bali';

interface Reference {
  /** `query` or `body`, and the field (dotted path in the body). */
  readonly where: 'query' | 'body';
  readonly field: string;
  readonly kind: Kind;
  /** The existing id, and where to put an id. */
  readonly existing: (s: Scenario) => string;
  readonly set?: (body: Json, id: string) => Json;
}

const agencyIn = (where: 'query' | 'body', field: string, set?: Reference['set']): Reference => ({
  where,
  field,
  kind: 'hiddenAgency',
  existing: () => HIDDEN_AGENCY,
  ...(set ? { set } : {}),
});

/** The ids each operation takes in its query or body (a new one without an entry fails). */
const REFERENCES: Record<string /* 'METHOD /path' */, readonly Reference[]> = {
  'POST /v1/agencies': [agencyIn('body', 'focalPointId', (b, id) => ({ ...b, focalPointId: id }))],
  'PATCH /v1/agencies/{id}': [
    agencyIn('body', 'focalPointId', (b, id) => ({ ...b, focalPointId: id })),
  ],
  'GET /v1/cases': [agencyIn('query', 'agencyId')],
  'GET /v1/cases/{id}/timeline': [agencyIn('query', 'agencyId')],
  'POST /v1/cases/{id}/assignments': [
    agencyIn('body', 'assignments.agencyId', (_, id) => ({ assignments: [{ agencyId: id }] })),
  ],
  'POST /v1/cases/{id}/assignments/{agencyId}/redirect': [
    agencyIn('body', 'suggestedAgencyId', (b, id) => ({ ...b, suggestedAgencyId: id })),
  ],
  'POST /v1/cases/{id}/assignments/{agencyId}/delegate': [
    agencyIn('body', 'memberId', (b, id) => ({ ...b, memberId: id })),
  ],
  'POST /v1/cases/{id}/activities': [
    agencyIn('body', 'agencyIds', (b, id) => ({ ...b, agencyIds: [id] })),
  ],
  'GET /v1/assignments': [agencyIn('query', 'agencyId')],
  'POST /v1/cases/{id}/attachments': [
    agencyIn('body', 'attachedTo.agencyId', (b, id) => ({
      ...b,
      attachedTo: { kind: 'response', agencyId: id },
    })),
    {
      where: 'body',
      field: 'attachedTo.activityId',
      kind: 'case',
      existing: () => fixtures.activityId,
      set: (b, id) => ({ ...b, attachedTo: { kind: 'activity', activityId: id } }),
    },
  ],
  'GET /v1/notifications': [
    agencyIn('query', 'agencyId'),
    { where: 'query', field: 'caseId', kind: 'case', existing: (s) => s.caseId },
  ],
  'GET /v1/notifications/failed': [agencyIn('query', 'agencyId')],
  'GET /v1/stats/agencies': [agencyIn('query', 'agencyId')],
  'GET /v1/stats/agencies.csv': [agencyIn('query', 'agencyId')],
  'GET /v1/exports/cases.csv': [agencyIn('query', 'agencyId')],
  'GET /v1/stats/agencies.xlsx': [agencyIn('query', 'agencyId')],
  'GET /v1/exports/cases.xlsx': [agencyIn('query', 'agencyId')],
  'GET /v1/exports/assignments.csv': [agencyIn('query', 'agencyId')],
  'GET /v1/exports/assignments.xlsx': [agencyIn('query', 'agencyId')],
  'GET /v1/search': [agencyIn('query', 'agencyId')],
  'POST /v1/search': [agencyIn('body', 'agencyId', (b, id) => ({ ...b, agencyId: id }))],
  'PUT /v1/policies/{id}': [
    {
      where: 'body',
      field: 'calendarId',
      kind: 'calendar',
      existing: () => CALENDAR_ID,
      set: (b, id) => ({ ...b, calendarId: id }),
    },
  ],
};

/** Whether `principal` may know that a record of `kind` exists (it may read it). */
function sees(principal: Principal, kind: Kind, table: Record<string, Row>): boolean {
  const central = principal === 'central_admin' || principal === 'central_officer';
  const readable = (key: string) => (table[key] ?? EXPECTED[key])![principal] === 'ok';
  switch (kind) {
    case 'case':
      return readable('GET /v1/cases/{id}');
    case 'assignment':
      return readable('GET /v1/cases/{id}/assignments/{agencyId}');
    case 'agency': // the owner, in /v1/agencies/{id}
      return readable('GET /v1/agencies/{id}');
    case 'hiddenAgency':
      return central;
    case 'calendar':
      return readable('GET /v1/calendars/{id}/days');
    case 'policy':
      return readable('GET /v1/policies/{id}');
    case 'job':
      return readable('GET /v1/jobs/{id}');
    case 'attachment':
      return readable('GET /v1/cases/{id}/attachments/{attachmentId}/download');
    case 'letter':
      return readable('GET /v1/cases/{id}/letters/{letterId}/pdf');
  }
}

/** The id fields of an operation's body schema and query, as dotted paths. */
function idFieldsOf(operation: Json, doc: Json): string[] {
  const resolve = (schema: Json): Json =>
    schema?.$ref ? resolve(doc.components.schemas[schema.$ref.split('/').at(-1)]) : schema;
  const fields = (schema: Json, prefix: string, depth = 0): string[] => {
    const s = resolve(schema);
    if (!s || depth > 6) return [];
    const nested = [...(s.allOf ?? []), ...(s.anyOf ?? []), ...(s.oneOf ?? [])];
    return [
      ...Object.entries((s.properties ?? {}) as Record<string, Json>).flatMap(([name, sub]) => [
        `${prefix}${name}`,
        ...fields(sub, `${prefix}${name}.`, depth + 1),
      ]),
      ...(s.items ? fields(s.items, prefix, depth + 1) : []),
      ...nested.flatMap((n: Json) => fields(n, prefix, depth + 1)),
    ];
  };
  const body = fields(operation.requestBody?.content?.['application/json']?.schema, '');
  const query = ((operation.parameters ?? []) as { in: string; name: string }[])
    .filter((p) => p.in === 'query')
    .map((p) => p.name);
  return [...new Set([...body, ...query])].filter((f) => /Ids?$/.test(f));
}

/** An answer with the ids it was asked about, the request id and instance taken out. */
function comparable(res: ApiResponse, ids: readonly string[]): unknown {
  let text = res.text;
  for (const id of ids) text = text.split(id).join('{id}');
  let body: Json = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: compared as text
  }
  if (body && typeof body === 'object') {
    delete body.requestId;
    delete body.instance;
  }
  return { status: res.status, body };
}

function noOracle(table: Record<string, Row>, scenario: () => Scenario): void {
  for (const key of Object.keys(table)) {
    it(key, async () => {
      const operation = operations.get(key);
      expect(operation, `${key} is not in the served document`).toBeDefined();
      const [method, template] = key.split(' ') as [string, string];
      const params = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      const unknown = params.filter((p) => !(p in PATH_REFERENCES) && !PATH_VALUES.includes(p));
      expect(unknown, `${key}: path parameters not in PATH_REFERENCES`).toEqual([]);
      const current = scenario();
      const references = REFERENCES[key] ?? [];
      const variants = [
        ...params
          .filter((p) => p in PATH_REFERENCES)
          .map((p) => {
            const existing = pathOf(template, current)
              .split('/')
              .at(template.split('/').indexOf(`{${p}}`))!;
            const missing =
              p === 'id' && ['case', 'job'].includes(PATH_REFERENCES.id!.kind(template))
                ? MISSING_CASE
                : PATH_REFERENCES[p]!.missing;
            return {
              name: `{${p}}`,
              kind: PATH_REFERENCES[p]!.kind(template),
              ids: [decodeURIComponent(existing), missing],
              request: (id: string) => ({
                path: pathOf(template, current, { [p]: id }),
                body: BODIES[key]?.(fixtures),
              }),
            };
          }),
        ...references.map((r) => ({
          name: `${r.where} ${r.field}`,
          kind: r.kind,
          ids: [r.existing(current), 'no-such-record'],
          request: (id: string) => ({
            path: ((base) =>
              base +
              (r.where === 'query'
                ? `${base.includes('?') ? '&' : '?'}${r.field}=${encodeURIComponent(id)}`
                : ''))(withQuery(key, pathOf(template, current))),
            body:
              r.where === 'body'
                ? r.set!(BODIES[key]?.(fixtures) ?? {}, id)
                : BODIES[key]?.(fixtures),
          }),
        })),
      ];
      const differences: string[] = [];
      for (const principal of PRINCIPALS) {
        // A caller allowed a change is not probed here (it would change the fixtures); the
        // matrix asserts what it gets. Reads are probed whatever the cell says.
        if (table[key]![principal] === 'ok' && method !== 'GET') continue;
        const auth = tokens[principal] === undefined ? {} : { token: tokens[principal] };
        for (const variant of variants) {
          if (sees(principal, variant.kind, table)) continue;
          const [existing, missing] = await Promise.all(
            variant.ids.map((id) => {
              const { path, body } = variant.request(id);
              return http.request(method, path, body, auth);
            }),
          );
          const [a, b] = [comparable(existing!, variant.ids), comparable(missing!, variant.ids)];
          try {
            expect(b).toEqual(a);
          } catch {
            differences.push(
              `${principal}, ${variant.name} ${variant.ids[0]} → ${existing!.status} ${existing!.text.slice(0, 160)}\n` +
                `${' '.repeat(principal.length + 2)}${variant.name} ${variant.ids[1]} → ${missing!.status} ${missing!.text.slice(0, 160)}`,
            );
          }
        }
      }
      expect(differences, `${key}: answers that tell whether an id exists`).toEqual([]);
    });
  }
}

describe('no existence oracle: the ids each operation takes are all known', () => {
  it('every id field of a body or query has an entry in REFERENCES', async () => {
    const doc = (await http.get('/openapi.json')).body;
    const unlisted = [...operations].flatMap(([key, operation]) =>
      idFieldsOf(operation, doc)
        .filter((f) => !(REFERENCES[key] ?? []).some((r) => r.field === f))
        .map((f) => `${key}: ${f}`),
    );
    expect(unlisted, 'id fields without an entry in REFERENCES').toEqual([]);
  });
});

describe('no existence oracle on kanwil-bpn-jatim’s assignment: missing ids answer as existing ones', () => {
  noOracle(EXPECTED, () => ({
    caseId: fixtures.caseId,
    agencyId: OWNER,
    requestId: fixtures.requestId,
  }));
});

describe('no existence oracle on atr-bpn’s own assignment', () => {
  noOracle(EXPECTED_ON_FOCAL_POINT_ASSIGNMENT, () => ({
    caseId: fixtures.focalCaseId,
    agencyId: FOCAL_POINT,
    requestId: fixtures.focalRequestId,
  }));
});

describe('no existence oracle on atr-bpn’s assignment delegated to kanwil-bpn-jatim', () => {
  noOracle(EXPECTED_ON_DELEGATED_ASSIGNMENT, () => ({
    caseId: fixtures.delegatedCaseId,
    agencyId: FOCAL_POINT,
    requestId: fixtures.focalRequestId,
  }));
});

describe('every operation × principal (kanwil-bpn-jatim’s assignment, a member unit of atr-bpn)', () => {
  matrix(EXPECTED, () => ({
    caseId: fixtures.caseId,
    agencyId: OWNER,
    requestId: fixtures.requestId,
  }));
});

describe('on atr-bpn’s own assignment (its member unit kanwil-bpn-jatim never sees it)', () => {
  matrix(EXPECTED_ON_FOCAL_POINT_ASSIGNMENT, () => ({
    caseId: fixtures.focalCaseId,
    agencyId: FOCAL_POINT,
    requestId: fixtures.focalRequestId,
  }));
});

describe('on atr-bpn’s assignment delegated to its member unit kanwil-bpn-jatim', () => {
  matrix(EXPECTED_ON_DELEGATED_ASSIGNMENT, () => ({
    caseId: fixtures.delegatedCaseId,
    agencyId: FOCAL_POINT,
    requestId: fixtures.focalRequestId,
  }));
});
