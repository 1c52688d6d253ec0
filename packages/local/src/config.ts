/** The embedded runtime's settings, read once from the environment (nothing else reads it). */
import { z } from 'zod';

const Env = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    HOST: z.string().default('127.0.0.1'),
    PANTAU_DATA_DIR: z.string().min(1).default('.pantau'),
    PANTAU_CLOCK: z.enum(['system', 'manual']).default('system'),
    PANTAU_CLOCK_START: z.iso.datetime({ offset: true }).optional(),
    PANTAU_SEED_DEMO: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
    LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT']).default('INFO'),
    /**
     * Requests per minute each client address may make to the public tracking routes (the
     * 429 problem past it); `0` turns the limit off (a load test from one machine).
     */
    PANTAU_PUBLIC_RATE_LIMIT: z.coerce.number().int().min(0).default(60),
    /**
     * An OIDC provider to sign in with (a Cognito user pool's issuer URL, say), beside the demo
     * users: the console then uses the authorization code flow with PKCE, and the API trusts
     * that issuer's ID tokens (`aud` = the client id, keys at `<issuer>/.well-known/jwks.json`).
     */
    PANTAU_OIDC_ISSUER: z.url().optional(),
    PANTAU_OIDC_CLIENT_ID: z.string().min(1).optional(),
    /** Cognito's hosted domain (`https://<prefix>.auth.<region>.amazoncognito.com`), for sign-out. */
    PANTAU_OIDC_DOMAIN: z.url().optional(),
  })
  .refine(
    (env) => (env.PANTAU_OIDC_ISSUER === undefined) === (env.PANTAU_OIDC_CLIENT_ID === undefined),
    {
      message: 'set PANTAU_OIDC_ISSUER and PANTAU_OIDC_CLIENT_ID together',
      path: ['PANTAU_OIDC_CLIENT_ID'],
    },
  );
export type RuntimeConfig = z.infer<typeof Env>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`invalid environment:\n${issues}`);
  }
  return parsed.data;
}
