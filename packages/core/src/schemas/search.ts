/** Search: identifiers (central) and words (central over all cases, an agency over its own). */
import { z } from 'zod';
import { LOOKUP_FIELDS } from '../search/document.ts';
import { COMPLAINT_TYPES } from '../policy.ts';
import { AgencyIdSchema, PageQuery } from './common.ts';
import { CASE_STATUSES } from '../vocabulary.ts';
import { CaseSchema } from './cases.ts';
import { calendarDate } from './fields.ts';

const searchFields = {
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .meta({
      description:
        'Words (prefix from 4 letters; case, diacritics and Indonesian affixes ignored), or for ' +
        'central an identifier: tracking code, agenda or letter number, external reference, NIK, ' +
        'phone (any national or international form) or e-mail',
    }),
  status: z.enum(CASE_STATUSES).optional(),
  agencyId: AgencyIdSchema.optional().meta({
    description:
      'Cases forwarded to this agency (an agency: to itself or a member unit; any other id matches nothing)',
  }),
  type: z.enum(COMPLAINT_TYPES).optional(),
  from: calendarDate.optional().meta({ description: 'Received on or after (WIB date)' }),
  to: calendarDate.optional().meta({ description: 'Received on or before (WIB date)' }),
};

/** `GET /v1/search?q=`: words; kept for clients of the first contract (a query string is logged). */
export const SearchQuery = PageQuery.extend(searchFields);
export type SearchFilter = z.infer<typeof SearchQuery>;

/**
 * `POST /v1/search`: the same search with the query in the body, where an identifier (a
 * tracking code, a NIK, a phone number, an e-mail address) stays out of URLs and the access
 * logs that record them. The console searches this way.
 */
export const SearchBody = z
  .strictObject({
    ...searchFields,
    // Optional, not defaulted here: the document would call a defaulted field required.
    limit: z.int().min(1).max(100).optional().meta({ description: 'Default 25' }),
    cursor: PageQuery.shape.cursor,
  })
  .meta({ id: 'Search' });

export const SEARCH_MATCHES = [...LOOKUP_FIELDS, 'words'] as const;

export const SearchHitSchema = CaseSchema.extend({
  matchedBy: z.enum(SEARCH_MATCHES).meta({
    description: 'The identifier the query matched, or `words`',
  }),
}).meta({ id: 'SearchHit' });
export type SearchHit = z.infer<typeof SearchHitSchema>;
