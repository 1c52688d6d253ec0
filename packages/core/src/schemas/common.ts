/** The contract's shared vocabulary: enums, ids, paging. */
import { z } from 'zod';
import { DAY_KINDS, TIME_ZONES } from '../calendar.ts';

export const AGENCY_KINDS = ['ministry', 'agency', 'local_government', 'soe', 'other'] as const;
export const CHANNELS = ['letter', 'email', 'walk_in', 'lapor', 'social_media', 'other'] as const;
export const CASE_STATUSES = [
  'received',
  'needs_info',
  'verified',
  'rejected',
  'forwarded',
  'in_follow_up',
  'resolved',
  // The complainant was not satisfied with the final answers: back to central, to forward again.
  'reopened',
  'closed',
] as const;
export const ASSIGNMENT_STATES = [
  'pending',
  'acknowledged',
  'responded',
  'completed',
  'redirected',
  'withdrawn',
] as const;
export const CLOSE_OUTCOMES = ['resolved', 'unresolved', 'withdrawn'] as const;
export const RESPONSE_KINDS = ['progress', 'final'] as const;

export const AgencyIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'lowercase letters, digits and dashes, 2–40 characters');
export const TimeZoneSchema = z.enum(TIME_ZONES);

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2_000).optional(),
});

export const pageOf = <T extends z.ZodType>(item: T, id: string) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() }).meta({ id });

export const DayKindSchema = z.enum(DAY_KINDS);
