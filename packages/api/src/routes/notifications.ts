import { OpenAPIHono } from '@hono/zod-openapi';
import { NotificationSchema, NotificationsQuery, PageQuery, pageOf } from '@pantau/core';
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
        'they were not delivered and need someone to act',
      request: { query: PageQuery },
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
      request: { query: NotificationsQuery },
      responses: {
        200: json(NotificationPage, 'A page of letters'),
        ...PROBLEMS,
      },
    }),
    async (c) =>
      c.json(await c.get('service').listNotifications(c.get('auth'), c.req.valid('query')), 200),
  );
