import { OpenAPIHono } from '@hono/zod-openapi';
import { NotificationSchema, NotificationsQuery, pageOf } from '@pantau/core';
import { createRoute, json, PROBLEMS } from '../openapi.ts';

export const notifications = new OpenAPIHono().openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['Escalation'],
    summary:
      'Every warning, reminder, formal warning and escalation letter, oldest first ' +
      '(an agency: the letters sent to it; a focal point coordinator: its member units’ too)',
    request: { query: NotificationsQuery },
    responses: {
      200: json(pageOf(NotificationSchema, 'NotificationPage'), 'A page of letters'),
      ...PROBLEMS,
    },
  }),
  async (c) =>
    c.json(await c.get('service').listNotifications(c.get('auth'), c.req.valid('query')), 200),
);
