/** Agencies: the registry’s inputs and views, contacts. */
import { z } from 'zod';
import { instant, text } from './fields.ts';
import { AgencyIdSchema, TimeZoneSchema } from './common.ts';
import { AGENCY_KINDS } from '../vocabulary.ts';
import { JobSchema } from './jobs.ts';

/**
 * A name another agency already has (compared trimmed, spaces collapsed, case ignored): the
 * console tells agencies apart by name, in every picker and filter.
 */
export const AGENCY_NAME_TAKEN = 'another agency has this name';
/** A code (`id`) another agency has: a 409 `already_exists` naming the field. */
export const AGENCY_ID_TAKEN = 'another agency has this code';
/** `none` is the queue's word for no unit (`delegatedTo=none`): no agency is coded so. */
export const AGENCY_ID_RESERVED = 'reserved: choose another code';

/**
 * Who a contact is for the letters: the `liaison` (penghubung, the default) gets every warning
 * and reminder; the `head` (kepala, pimpinan) is copied only where the policy's ladder says
 * (by default the formal warning and central intervention).
 */
export const CONTACT_KINDS = ['liaison', 'head'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

const contactFields = {
  name: text(200),
  email: z.email().max(254),
  role: text(100)
    .optional()
    .meta({ description: 'Position or unit, free text: shown, never used to address letters' }),
};
const contactKind = z.enum(CONTACT_KINDS).meta({
  description:
    'liaison: receives warnings and reminders; head (kepala, pimpinan): copied on the formal warning and central intervention',
});

export const ContactInputSchema = z
  .strictObject({ ...contactFields, kind: contactKind.optional() })
  .meta({ id: 'ContactInput', description: 'A contact; `kind` defaults to liaison' });
export type ContactInput = z.infer<typeof ContactInputSchema>;

export const ContactSchema = z
  .object({ ...contactFields, kind: contactKind })
  .meta({ id: 'Contact' });
export type Contact = z.infer<typeof ContactSchema>;

const ContactsInput = z
  .array(ContactInputSchema)
  .min(1)
  .max(20)
  .refine(
    (contacts) => contacts.some((c) => (c.kind ?? 'liaison') === 'liaison'),
    'at least one liaison contact: warnings and reminders go to the liaisons',
  );

export const CreateAgencyBody = z
  .strictObject({
    id: AgencyIdSchema.refine((id) => id !== 'none', AGENCY_ID_RESERVED),
    name: text(200),
    kind: z.enum(AGENCY_KINDS),
    focalPointId: AgencyIdSchema.optional(),
    timeZone: TimeZoneSchema.optional(),
    contacts: ContactsInput,
  })
  .meta({ id: 'CreateAgency' });
export type CreateAgencyInput = z.infer<typeof CreateAgencyBody>;

export const UpdateAgencyBody = z
  .strictObject({
    name: text(200).optional(),
    kind: z.enum(AGENCY_KINDS).optional(),
    focalPointId: AgencyIdSchema.nullable().optional(),
    timeZone: TimeZoneSchema.optional(),
    contacts: ContactsInput.optional().meta({
      description: 'Replaces every contact (name, email, kind)',
    }),
    version: z.int().min(0).optional().meta({
      description:
        'The agency’s `version` the edit was made on: if it has been saved since, 409 `version_conflict` and nothing changes (without it the edit applies to whatever is stored)',
    }),
  })
  .meta({ id: 'UpdateAgency' });
export type UpdateAgencyInput = z.infer<typeof UpdateAgencyBody>;

export const AgencySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(AGENCY_KINDS),
    focalPointId: z.string().nullable(),
    timeZone: TimeZoneSchema,
    contacts: z.array(ContactSchema),
    createdAt: instant,
    updatedAt: instant,
    version: z.int(),
  })
  .meta({ id: 'Agency' });
export type Agency = z.infer<typeof AgencySchema>;

/** An agency as its edit saved it, with the job a corrected time zone started. */
export const AgencyChangeSchema = AgencySchema.extend({
  job: JobSchema.optional().meta({
    description:
      'Present when the edit corrected the time zone (or that correction’s job is still under way): re-arms the agency’s open assignments in its zone (`GET /v1/jobs/{id}`)',
  }),
  delegationsJob: JobSchema.optional().meta({
    description:
      'Present when the edit moved a member unit out of its focal point (or is that move sent again): gives back, open or ended, every assignment the focal point it left delegated to it (`GET /v1/jobs/{id}`; `moved` counts them). The unit stops reading them at the save',
  }),
}).meta({ id: 'AgencyChange' });
export type AgencyChange = z.infer<typeof AgencyChangeSchema>;

/** An agency as everyone may see it: its id, name and kind (issue 14: names, not codes). */
export const AgencyNameSchema = z
  .object({ id: z.string(), name: z.string(), kind: z.enum(AGENCY_KINDS) })
  .meta({ id: 'AgencyName' });
export type AgencyName = z.infer<typeof AgencyNameSchema>;
export const AgencyNamesSchema = z
  .object({ items: z.array(AgencyNameSchema) })
  .meta({ id: 'AgencyNames' });
