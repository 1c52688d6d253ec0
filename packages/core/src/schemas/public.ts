/** The complainant's side: tracking and replying by tracking code. */
import { z } from 'zod';
import { text } from './fields.ts';
export const ReplyBody = z
  .strictObject({
    satisfied: z.boolean(),
    rating: z.int().min(1).max(5),
    message: text(5_000).optional(),
  })
  .meta({ id: 'ComplainantReply' });
export type ReplyInput = z.infer<typeof ReplyBody>;

// The tracking code is the complainant's only credential: it travels in a body, never in a
// path or a query string, which access logs (API Gateway, CloudFront) keep for a year.
const trackingCodeInBody = z.string().min(1).max(40).meta({
  description:
    'The tracking code as the complainant typed it (case, spaces and dashes do not matter)',
});
export const TrackBody = z.strictObject({ code: trackingCodeInBody }).meta({ id: 'TrackRequest' });
export const TrackReplyBody = ReplyBody.extend({ code: trackingCodeInBody }).meta({
  id: 'TrackReply',
});
