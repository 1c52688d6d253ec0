/**
 * The HTTP contract's shapes (API.md), as zod schemas. Inputs are strict (unknown fields are
 * rejected); outputs describe what the API returns and feed the OpenAPI document through
 * `.meta({ id })`. Pure zod: the API layer adds routes around them.
 */
// One file per capability under schemas/; this file keeps the one import path
// (`@pantau/core/schemas`, which the console uses) and everything it exported.

// What a client of the contract also needs (the web console imports only this file).
export { TIME_ZONE_LABELS, UTC_OFFSET_HOURS } from './calendar.ts';
export { TARGETS } from './policy.ts';
export { LIMITS } from './errors.ts';
export { dayParts, parseDayText } from './day-text.ts';
export { COMPLAINT_ADDRESS_REFUSED, complaintAddressOf } from './complaint-address.ts';
// The vocabulary as plain values (no zod), then its schemas.
export * from './vocabulary.ts';
export * from './schemas/common.ts';
export * from './schemas/agencies.ts';
export * from './schemas/identity.ts';
export * from './schemas/cases.ts';
// Words of a case's life, without zod (case-notes.ts): a function that uses them loads none of
// the complaint's schemas.
export * from './case-notes.ts';
export * from './schemas/assignments.ts';
export * from './schemas/policy.ts';
export * from './schemas/settings.ts';
export * from './schemas/jobs.ts';
export * from './schemas/reporting.ts';
export * from './schemas/monitoring.ts';
export * from './schemas/public.ts';
export * from './schemas/intake.ts';
// A setting the functions read at cold start: a module of its own (only zod), loaded without
// the complaint's schemas.
export * from './schemas/mail-domains.ts';
export * from './documents/attachment-vocabulary.ts';
export * from './schemas/documents.ts';
export * from './schemas/search.ts';
export * from './schemas/desk.ts';
