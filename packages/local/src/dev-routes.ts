/** Routes of the embedded runtime only (never deployed): tokens for demo users. */
import { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute, json, jsonBody, PROBLEMS, z } from '@pantau/api';
import { AgencyIdSchema, invalidInput, ROLES, roleFitsTenant } from '@pantau/core';
import { parseDuration, type RuntimeClock } from './clock.ts';
import { DEMO_AGENCIES } from './demo-agencies.ts';
import type { LocalLadderEngine } from './engine.ts';
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

const DevUser = z
  .object({
    sub: z.string(),
    name: z.string(),
    agency: z.string(),
    agencyName: z.string(),
    role: z.enum(ROLES),
  })
  .meta({ id: 'DevUser' });

/**
 * The people a demo can sign in as, by agency: Setneg's admin and officer, each demo agency's
 * coordinator and officer. People's names, as a directory would give them: the console's
 * header and sign-in page show them (an agency's id in a name read as a code, not a person).
 */
const DEMO_PEOPLE: Readonly<Record<string, readonly [string, string]>> = {
  setneg: ['Ratna Kusumawardani', 'Dimas Anggara'],
  'atr-bpn': ['Gilang Mahendra', 'Wening Purbasari'],
  'kanwil-bpn-jatim': ['Fadli Kurniawan', 'Sekar Arum'],
  'kanwil-bpn-sulsel': ['Tenri Anwar', 'Nurul Fadhilah'],
  polri: ['Yudi Firmansyah', 'Rizky Ardiansyah'],
  'pemprov-bali': ['Kadek Purnami', 'Gede Ariawan'],
  'pemkot-jayapura': ['Octovianus Rumbewas', 'Ester Rumbiak'],
  pln: ['Laras Pertiwi', 'Arya Wiratama'],
};

export const DEMO_USERS: readonly z.infer<typeof DevUser>[] = [
  { agency: 'setneg', agencyName: 'Asdep Pengaduan Masyarakat, Kemensetneg', central: true },
  ...DEMO_AGENCIES.map((a) => ({ agency: a.id, agencyName: a.name, central: false })),
].flatMap(({ agency, agencyName, central }) => {
  const people = DEMO_PEOPLE[agency];
  if (!people) throw new Error(`no demo people for agency ${agency}`);
  const roles = central
    ? (['central_admin', 'central_officer'] as const)
    : (['agency_coordinator', 'agency_officer'] as const);
  return roles.map((role, i) => ({
    sub: `${agency}-${role}`,
    name: people[i]!,
    agency,
    agencyName,
    role,
  }));
});

const ClockBody = z
  .strictObject({
    now: z.iso.datetime({ offset: true }).optional(),
    advance: z.string().max(40).optional().meta({ example: 'P3D' }),
  })
  .refine((b) => (b.now === undefined) !== (b.advance === undefined), {
    message: 'give exactly one of now, advance',
    path: ['now'],
  })
  .meta({ id: 'DevClockMove' });
const ClockState = z.object({ now: z.string(), mode: z.enum(['system', 'manual']) });

export function devRoutes(
  issuer: LocalIssuer,
  clock: RuntimeClock,
  engine: LocalLadderEngine,
): OpenAPIHono {
  const app = new OpenAPIHono();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/clock',
      tags: ['Embedded runtime only'],
      summary: 'The runtime’s clock',
      security: [],
      responses: { 200: json(ClockState, 'Now') },
    }),
    (c) => c.json({ now: clock.now().toISOString(), mode: clock.mode }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/clock',
      tags: ['Embedded runtime only'],
      summary:
        'Move the manual clock forward as time passes: every ladder step due on the way runs at its own instant',
      security: [],
      request: { body: jsonBody(ClockBody) },
      responses: { 200: json(ClockState, 'Now'), 400: PROBLEMS[400], 409: PROBLEMS[409] },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const to = body.now
        ? new Date(body.now)
        : new Date(clock.now().getTime() + parseDuration(body.advance!));
      if (to.getTime() < clock.now().getTime()) clock.set(to); // refused: the clock never goes back
      await engine.passTime(clock, to);
      return c.json({ now: clock.now().toISOString(), mode: clock.mode }, 200);
    },
  );
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
      const token = await issuer.mint(
        body,
        body.expiresInSeconds ? { expiresInSeconds: body.expiresInSeconds } : {},
      );
      return c.json({ token }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/users',
      tags: ['Embedded runtime only'],
      summary: 'Demo users the sign-in page offers',
      security: [],
      responses: { 200: json(z.object({ items: z.array(DevUser) }), 'Demo users') },
    }),
    (c) => c.json({ items: [...DEMO_USERS] }, 200),
  );
  app.get('/jwks.json', (c) => c.json(issuer.jwks));
  return app;
}
