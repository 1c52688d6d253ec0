/** The complainant's side: tracking and replying by tracking code. */
import { z } from 'zod';
import { instant, text } from './fields.ts';
import { CASE_STATUSES, CLOSE_OUTCOMES, RESPONSE_KINDS } from '../vocabulary.ts';
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

// What the tracking page shows the complainant (`POST /v1/track`).
export const TrackingAnswerSchema = z
  .object({
    agencyName: z.string(),
    kind: z.enum(RESPONSE_KINDS),
    message: z.string(),
    at: instant,
  })
  .meta({ id: 'TrackingAnswer' });
export type TrackingAnswer = z.infer<typeof TrackingAnswerSchema>;

export const TrackingSchema = z
  .object({
    trackingCode: z.string(),
    status: z.enum(CASE_STATUSES),
    receivedAt: instant,
    updatedAt: instant,
    replyWindowClosesAt: instant
      .nullable()
      .meta({ description: 'Set while the complainant may reply' }),
    verificationDueAt: instant.nullable().meta({
      description:
        'While `received`: by when central verifies it (as the receipt said); null otherwise, and on a confidential report',
    }),
    answersDueBy: instant.nullable().meta({
      description:
        'While agencies still owe their final answer: by when the last of them is due to give it (the latest resolution deadline of the open assignments, extensions included, read from them at each request; the complaint is answered once all have answered). Null while any of their clocks is paused (no deadline runs until it resumes), when none is open, and on a confidential report',
    }),
    steps: z.array(z.object({ status: z.enum(CASE_STATUSES), at: instant, label: z.string() })),
    earlierSteps: z.boolean().meta({
      description:
        'The case went through more statuses than `steps` lists: the first and the latest 99 are given, those between left out (the case keeps no more of them)',
    }),
    answers: z.array(TrackingAnswerSchema).meta({
      description:
        'The agencies’ latest 30 answers (progress and final, all agencies together), and each agency’s final answer if older, oldest first, by agency name: what the complainant rates. None for a confidential report',
    }),
    earlierAnswers: z.boolean().meta({
      description:
        'The case has earlier answers than the 30 shown (the page says so); false for a confidential report',
    }),
    outcome: z
      .enum(CLOSE_OUTCOMES)
      .nullable()
      .meta({ description: 'How a closed case was settled (central’s note stays central’s)' }),
    confidential: z.boolean().meta({
      description:
        'A confidential report: steps and answers are not shown here (the page says so, instead of "no answer yet")',
    }),
    infoRequest: z
      .object({
        missing: z
          .string()
          .nullable()
          .meta({ description: 'What to send (withheld for a confidential report)' }),
        requestedAt: instant,
        sendTo: z
          .object({ name: z.string(), email: z.string() })
          .nullable()
          .meta({ description: 'The central unit’s contact to send it to' }),
        postalAddress: z.string().nullable().meta({
          description:
            'The central unit’s name and postal address, as its letters head them: where to send it by letter',
          example:
            'Asisten Deputi Pengaduan Masyarakat, Jalan Veteran Nomor 17–18, Jakarta Pusat 10110',
        }),
        reference: z.string().nullable().meta({
          description:
            'What to quote when sending it: the case’s agenda number, never the tracking code (the complainant’s credential); null for a case registered before agenda numbers (the page asks for the subject and the date instead)',
        }),
      })
      .nullable()
      .meta({ description: 'While needs_info: what central asks the complainant to send' }),
    rejection: z
      .object({
        reason: z.string().nullable().meta({
          description:
            'Why, as central wrote it for the complainant (null: none given, or a confidential report)',
        }),
      })
      .nullable()
      .meta({ description: 'Once rejected: why the complaint is not taken up' }),
    contact: z.object({ name: z.string(), email: z.string() }).nullable().meta({
      description:
        'The central unit’s contact, for a question, more evidence or withdrawing the complaint (quoting the agenda number, never the tracking code)',
    }),
    agencyRequests: z
      .object({
        items: z.array(
          z.object({
            agencyName: z.string(),
            asked: z.string().meta({ description: 'What the agency asks the complainant to send' }),
            askedAt: instant,
          }),
        ),
        sendTo: z
          .object({ name: z.string(), email: z.string() })
          .nullable()
          .meta({ description: 'The central unit’s contact: what is asked goes through it' }),
        postalAddress: z.string().nullable().meta({
          description: 'The central unit’s name and postal address, as its letters head them',
        }),
        reference: z.string().nullable().meta({
          description:
            'What to quote when sending it: the agenda number, never the tracking code (null for a case registered before agenda numbers)',
        }),
      })
      .nullable()
      .meta({
        description:
          'While agencies wait for the complainant (their deadlines paused): what each asks, oldest first, and where to send it; null when none asks, and on a confidential report',
      }),
  })
  .meta({ id: 'Tracking' });
