/**
 * The cold-start baseline (bench/cold-start.ts): a bare Hono app with one zod-validated route,
 * behind the same Lambda adapter as functions/api.ts, bundled the same way (infra/bundle.ts).
 */
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { validator } from 'hono/validator';
import { z } from 'zod';

const Body = z.object({ subject: z.string().min(1).max(200), description: z.string().max(5000) });

const app = new Hono().post(
  '/v1/cases',
  validator('json', (value, c) => {
    const parsed = Body.safeParse(value);
    return parsed.success ? parsed.data : c.json({ errors: parsed.error.issues }, 400);
  }),
  (c) => c.json({ subject: c.req.valid('json').subject }, 201),
);

export const handler = handle(app);
