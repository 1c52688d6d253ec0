/** Monitoring activities: the central unit's clarifications, mediations, case conferences. */
import { OpenAPIHono } from '@hono/zod-openapi';
import {
  ActivitiesQuery,
  ActivitySchema,
  CancelActivityBody,
  InvitedActivitiesQuery,
  InvitedActivitySchema,
  MAX_OPEN_ACTIVITIES,
  pageOf,
  PlanActivityBody,
  ReportActivityBody,
  ScheduleActivityBody,
} from '@pantau/core';
import { idempotencyOf } from '../idempotency.ts';
import {
  createRoute,
  IdempotencyHeader,
  json,
  jsonBody,
  LIMIT_PROBLEM,
  PROBLEMS,
  z,
} from '../openapi.ts';

const tags = ['Monitoring'];
const CaseParam = z.object({ id: z.string().min(1).max(64) });
const ActivityParam = CaseParam.extend({ activityId: z.string().min(1).max(64) });

/** Under /v1/cases. */
export const caseActivities = new OpenAPIHono()
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/activities',
      tags,
      summary: 'Plan a monitoring activity (the case is then under monitoring)',
      description: `At most ${MAX_OPEN_ACTIVITIES} open activities (proposed or planned) per case: the next plan is a 422 \`limit_exceeded\` (\`limit\`: \`open_activities\`). The ladder’s proposals count, and are never refused. Planned with a date and agencies, each agency gets a numbered invitation letter (surat undangan, with its PDF; \`action\` \`invitation\`, \`step\` \`invitation\`) in the same transaction; sent again with its Idempotency-Key, none.`,
      request: { params: CaseParam, headers: IdempotencyHeader, body: jsonBody(PlanActivityBody) },
      responses: {
        201: json(ActivitySchema, 'The planned activity'),
        ...PROBLEMS,
        ...LIMIT_PROBLEM,
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const activity = await c
        .get('service')
        .planActivity(c.get('auth'), c.req.valid('param').id, body, await idempotencyOf(c, body));
      return c.json(activity, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/activities/{activityId}/report',
      tags,
      summary: 'Report how it went (when held, outcome, summary)',
      request: {
        params: ActivityParam,
        body: jsonBody(ReportActivityBody),
      },
      responses: { 200: json(ActivitySchema, 'The reported activity'), ...PROBLEMS },
    }),
    async (c) => {
      const { id, activityId } = c.req.valid('param');
      return c.json(
        await c.get('service').reportActivity(c.get('auth'), id, activityId, c.req.valid('json')),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/activities/{activityId}/schedule',
      tags,
      summary:
        'Set when a proposed activity takes place (the ladder’s clarification, taken up), or move a planned one',
      description: `Taking a proposal up while the case holds ${MAX_OPEN_ACTIVITIES} planned activities is a 422 \`limit_exceeded\` (\`limit\`: \`open_activities\`); moving a planned one never is. Each agency gets its invitation letter when a proposal or an undated plan is given a date, and one naming it (\`step\` \`invitation_moved\`) when its date or venue moves; the same schedule again writes none.`,
      request: {
        params: ActivityParam,
        body: jsonBody(ScheduleActivityBody),
      },
      responses: {
        200: json(ActivitySchema, 'The planned activity'),
        ...PROBLEMS,
        ...LIMIT_PROBLEM,
      },
    }),
    async (c) => {
      const { id, activityId } = c.req.valid('param');
      return c.json(
        await c.get('service').scheduleActivity(c.get('auth'), id, activityId, c.req.valid('json')),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/{id}/activities/{activityId}/cancel',
      tags,
      summary:
        'Call off a proposed or planned activity that will not be held, saying why (once; a reported one is a 409)',
      description:
        'Each agency its invitation letter went to gets a letter calling it off, naming that invitation and the reason (`step` `invitation_cancelled`); sent again, none.',
      request: {
        params: ActivityParam,
        body: jsonBody(CancelActivityBody),
      },
      responses: { 200: json(ActivitySchema, 'The cancelled activity'), ...PROBLEMS },
    }),
    async (c) => {
      const { id, activityId } = c.req.valid('param');
      return c.json(
        await c.get('service').cancelActivity(c.get('auth'), id, activityId, c.req.valid('json')),
        200,
      );
    },
  );

/** Under /v1/activities. */
export const activities = new OpenAPIHono()
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      summary:
        'The central unit’s activity calendar: proposed, planned (and overdue to report), done, cancelled',
      request: { query: ActivitiesQuery },
      responses: {
        200: json(pageOf(ActivitySchema, 'ActivityPage'), 'A page of activities'),
        ...PROBLEMS,
      },
    }),
    async (c) =>
      c.json(await c.get('service').listActivities(c.get('auth'), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/invited',
      tags,
      summary:
        'An agency’s coming activities: those central planned with it, from the start of today (in its zone) on, soonest first',
      description:
        'Planned activities with a date only (a proposal, or a plan without a date, is not listed; a reported or cancelled one leaves the list). Each names its case (subject, agenda number) and the agency invited, never the other agencies taking part. A member unit holding its focal point’s assignment on the case (delegated to it) lists what is planned with the focal point, `via` naming it; with `scope=members` a coordinator sees each activity once, as its own. One whose agency’s part in the case ended (withdrawn, or redirected and settled; through a focal point, the focal point’s) is left out, as the case shows it no activity any more, and so is one through a focal point the unit no longer holds the assignment of, or is no longer a member unit of, so a page may hold fewer than `limit`. Central’s users are a 403.',
      request: { query: InvitedActivitiesQuery },
      responses: {
        200: json(pageOf(InvitedActivitySchema, 'InvitedActivityPage'), 'A page of activities'),
        ...PROBLEMS,
      },
    }),
    async (c) =>
      c.json(await c.get('service').invitedActivities(c.get('auth'), c.req.valid('query')), 200),
  );
