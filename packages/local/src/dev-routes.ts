/** Routes of the embedded runtime only (never deployed): tokens for demo users. */
import { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute, json, jsonBody, PROBLEMS, z } from '@pantau/api';
import { AgencyIdSchema, invalidInput, ROLES, roleFitsTenant } from '@pantau/core';
import type { LocalIssuer } from './issuer.ts';

const TokenRequest = z
  .strictObject({
    sub: z.string().trim().min(1).max(200),
    agency: AgencyIdSchema,
    role: z.enum(ROLES),
    expiresInSeconds: z
      .int()
      .min(1)
      .max(7 * 24 * 3600)
      .optional(),
  })
  .meta({ id: 'DevTokenRequest' });

export function devRoutes(issuer: LocalIssuer, clock: () => Date): OpenAPIHono {
  const app = new OpenAPIHono();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/tokens',
      tags: ['Embedded runtime only'],
      summary: 'Mint a token for a demo user (signed by the local issuer)',
      security: [],
      request: { body: jsonBody(TokenRequest) },
      responses: {
        200: json(z.object({ token: z.string() }), 'A Bearer token'),
        400: PROBLEMS[400],
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      if (!roleFitsTenant(body.agency, body.role)) {
        throw invalidInput('role', `${body.role} is not a role of tenant ${body.agency}`);
      }
      const token = await issuer.mint(body, {
        now: clock(),
        ...(body.expiresInSeconds ? { expiresInSeconds: body.expiresInSeconds } : {}),
      });
      return c.json({ token }, 200);
    },
  );
  app.get('/jwks.json', (c) => c.json(issuer.jwks));
  return app;
}
