/**
 * The holiday calendar and the SLA policies: read by all, changed by central admins. An edit
 * answers 202 once saved, with the job that re-arms the open assignments it governs.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import {
  CALENDAR_DAYS_PER_EDIT,
  CalendarChangeSchema,
  CalendarDayImpactSchema,
  CalendarDayBody,
  CalendarDaysBody,
  CalendarDaysChangeSchema,
  CalendarDaysImpactSchema,
  CalendarDaysQuery,
  CalendarSchema,
  PolicyBody,
  PolicyChangeSchema,
  PolicySchema,
} from '@pantau/core';
import { createRoute, json, jsonBody, problem, PROBLEMS, z } from '../openapi.ts';

const CalendarParam = z.object({ id: z.string().regex(/^[a-z0-9-]{1,40}$/) });
const DayParams = CalendarParam.extend({ date: z.iso.date() });
const YearParams = CalendarParam.extend({ year: z.coerce.number().int().min(2000).max(2100) });
/** RFC 9110's create-only precondition: the PUT adds the day, never replaces one. */
const CreateOnlyHeader = z.object({
  'if-none-match': z
    .literal('*')
    .optional()
    .meta({
      description:
        '`*`: add the day only if the calendar does not have it (412 `precondition_failed` if ' +
        'it does). Without it the PUT replaces the day.',
    }),
});
const PolicyParam = z.object({ id: z.string().regex(/^[a-z0-9-]{1,40}$/) });

export const calendars = new OpenAPIHono()
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/days',
      tags: ['Calendars'],
      summary: 'Holidays and cuti bersama of a calendar (the default is `id`, Indonesia)',
      request: { params: CalendarParam, query: CalendarDaysQuery },
      responses: { 200: json(CalendarSchema, 'The days'), ...PROBLEMS },
    }),
    async (c) =>
      c.json(
        await c.get('service').getCalendarDays(c.req.valid('param').id, c.req.valid('query').year),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/{id}/days',
      tags: ['Calendars'],
      summary:
        'Add or change several days off in one edit (a year’s decree); one job moves the open deadlines they touch',
      description:
        `Up to ${CALENDAR_DAYS_PER_EDIT} days; those not listed stay as they are, a day already ` +
        'there takes the kind and name given. All or nothing: a 400 names the entry and field ' +
        'refused (`days.3.date`; a day listed twice at its second entry) and nothing is written; ' +
        'saved, the days and one re-arming job are one write, so the deadlines move once. An entry ' +
        'with the `version` it was made on (0: the calendar did not have the day) is written only ' +
        'over that version, checked in the write: a day another admin saved (or added) since is a ' +
        '409 `version_conflict` naming its entry (`days.3.version`), and nothing is written.',
      request: { params: CalendarParam, body: jsonBody(CalendarDaysBody) },
      responses: {
        202: json(CalendarDaysChangeSchema, 'Saved; the re-arming job (`GET /v1/jobs/{id}`)'),
        ...PROBLEMS,
      },
    }),
    async (c) =>
      c.json(
        await c
          .get('service')
          .putCalendarDays(c.get('auth'), c.req.valid('param').id, c.req.valid('json').days),
        202,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/days/impact',
      tags: ['Calendars'],
      summary:
        'What adding (or changing) these days off would move, before they are saved (nothing changes)',
      description: 'The body is the `PATCH /v1/calendars/{id}/days` it asks about.',
      request: { params: CalendarParam, body: jsonBody(CalendarDaysBody) },
      responses: { 200: json(CalendarDaysImpactSchema, 'What would move'), ...PROBLEMS },
    }),
    async (c) =>
      c.json(
        await c
          .get('service')
          .holidayAdditionImpact(c.get('auth'), c.req.valid('param').id, c.req.valid('json').days),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/{id}/days/{date}',
      tags: ['Calendars'],
      summary:
        'Add or change a day off; a job moves the open deadlines it touches and re-arms their ladders',
      description:
        'Replaces the day if there is one. With the `version` the edit was made on (0: the ' +
        'calendar did not have the day) it replaces only that version, checked in the write: a day ' +
        'another admin saved (or added) since is a 409 `version_conflict` naming `version`, and ' +
        'nothing is written. With `If-None-Match: *` it only adds it: a day already there ' +
        '(another admin’s) is a 412 `precondition_failed` and nothing is written.',
      request: { params: DayParams, headers: CreateOnlyHeader, body: jsonBody(CalendarDayBody) },
      responses: {
        202: json(CalendarChangeSchema, 'Saved; the re-arming job (`GET /v1/jobs/{id}`)'),
        ...PROBLEMS,
        412: problem(
          '`If-None-Match: *` was sent and the calendar has this day already ' +
            '(`precondition_failed`): nothing was written; read the day, then replace it knowingly ' +
            '(without the header) or leave it',
        ),
      },
    }),
    async (c) => {
      const { id, date } = c.req.valid('param');
      const createOnly = c.req.valid('header')['if-none-match'] === '*';
      return c.json(
        await c
          .get('service')
          .putCalendarDay(c.get('auth'), id, { date, ...c.req.valid('json') }, { createOnly }),
        202,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/{id}/days/{date}',
      tags: ['Calendars'],
      summary:
        'Remove a day off; a job moves the open deadlines it touches and re-arms their ladders',
      request: { params: DayParams },
      responses: {
        202: json(
          CalendarChangeSchema,
          'Removed; the re-arming job (`GET /v1/jobs/{id}`). A day already removed is answered ' +
            'its removal’s job while that is under way (a retry whose answer was lost), else 404',
        ),
        ...PROBLEMS,
      },
    }),
    async (c) => {
      const { id, date } = c.req.valid('param');
      return c.json(await c.get('service').deleteCalendarDay(c.get('auth'), id, date), 202);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}/days/{date}/impact',
      tags: ['Calendars'],
      summary: 'What removing this day off would move, before it is removed (nothing changes)',
      request: { params: DayParams },
      responses: { 200: json(CalendarDayImpactSchema, 'What would move'), ...PROBLEMS },
    }),
    async (c) => {
      const { id, date } = c.req.valid('param');
      return c.json(await c.get('service').holidayRemovalImpact(c.get('auth'), id, date), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/{id}/years/{year}',
      tags: ['Calendars'],
      summary: 'Declare a year’s holidays complete (a job stops flagging the deadlines into it)',
      request: { params: YearParams },
      responses: {
        202: json(CalendarChangeSchema, 'Saved; the re-arming job (`GET /v1/jobs/{id}`)'),
        ...PROBLEMS,
      },
    }),
    async (c) => {
      const { id, year } = c.req.valid('param');
      return c.json(await c.get('service').putCalendarYear(c.get('auth'), id, year), 202);
    },
  );

export const policies = new OpenAPIHono()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['Policies'],
      summary: 'SLA policies: working-day targets per complaint type and the ladder steps',
      responses: {
        200: json(z.object({ items: z.array(PolicySchema) }), 'The policies'),
        ...PROBLEMS,
      },
    }),
    async (c) => c.json({ items: await c.get('service').listPolicies() }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['Policies'],
      summary: 'One policy',
      request: { params: PolicyParam },
      responses: { 200: json(PolicySchema, 'The policy'), ...PROBLEMS },
    }),
    async (c) => c.json(await c.get('service').getPolicy(c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/{id}',
      tags: ['Policies'],
      summary:
        'Replace a policy; a job gives the open assignments under it new deadlines and ladders',
      description:
        '409 `version_conflict` when `version` is given and another admin has saved the policy since (or it does not exist yet): nothing changes, read it again.',
      request: { params: PolicyParam, body: jsonBody(PolicyBody) },
      responses: {
        202: json(PolicyChangeSchema, 'The policy saved; the re-arming job (`GET /v1/jobs/{id}`)'),
        ...PROBLEMS,
      },
    }),
    async (c) =>
      c.json(
        await c
          .get('service')
          .putPolicy(c.get('auth'), c.req.valid('param').id, c.req.valid('json')),
        202,
      ),
  );
