import { OpenAPIHono } from '@hono/zod-openapi';
import {
  FailedLetterGroupsSchema,
  FailedLettersQuery,
  NotificationSchema,
  NotificationsQuery,
  pageOf,
} from '@pantau/core';
import { createRoute, json, PROBLEMS } from '../openapi.ts';

const NotificationPage = pageOf(NotificationSchema, 'NotificationPage');

export const notifications = new OpenAPIHono()
  .openapi(
    createRoute({
      method: 'get',
      path: '/failed',
      tags: ['Escalation'],
      summary:
        'Letters the mailer refused until their last attempt, oldest first (central only): ' +
        'they were not delivered and need someone to act (not those marked handled)',
      request: { query: FailedLettersQuery },
      responses: {
        200: json(NotificationPage, 'A page of failed letters'),
        ...PROBLEMS,
      },
    }),
    async (c) =>
      c.json(
        await c.get('service').listFailedNotifications(c.get('auth'), c.req.valid('query')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/failed/agencies',
      tags: ['Escalation'],
      summary:
        'The failed letters not yet handled, per agency, the most first (central only): how ' +
        'many, when the oldest and newest were written, why the newest failed and where it ' +
        'went, whether the agency’s latest letter failed (no letter reaches it now) and whether ' +
        'the address refused is still its contact. A few wrong addresses make most failed letters',
      responses: {
        200: json(FailedLetterGroupsSchema, 'Failed letters per agency'),
        ...PROBLEMS,
      },
    }),
    async (c) => c.json(await c.get('service').failedLettersByAgency(c.get('auth')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['Escalation'],
      summary:
        'Every warning, reminder, formal warning and escalation letter, newest written first ' +
        '(one case’s: oldest first, as its ladder sent them; an agency: the letters sent to ' +
        'it; a focal point coordinator: its member units’ too; a member unit: also those of ' +
        'its focal point’s assignments delegated to it now, however old, counted in `total` ' +
        'and `since` alike). The unread badge asks `since` its last visit with ' +
        '`cancelled=false`: what was written since, however long before it fell due, and ' +
        'never a letter cancelled before it went',
      description:
        'Narrowed by `status`, `step` and the dates letters bear (`from`, `to`), with the other ' +
        'filters and paging: "which letters did not go out" is `status=failed`, "the formal ' +
        'warnings of this week" `step=formal_warning&from=…&to=…`. A filter it does not know ' +
        'is a 400 naming it (the list is never answered unfiltered as though filtered). A ' +
        'filtered page may hold fewer than `limit` letters, even none, with a `nextCursor`: ask ' +
        'on; `total=true` counts the filtered list',
      request: { query: NotificationsQuery },
      responses: {
        200: json(NotificationPage, 'A page of letters'),
        ...PROBLEMS,
      },
    }),
    async (c) =>
      c.json(await c.get('service').listNotifications(c.get('auth'), c.req.valid('query')), 200),
  );
