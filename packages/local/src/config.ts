/** The embedded runtime's settings, read once from the environment (nothing else reads it). */
import { LogLevel } from '@aws-lambda-powertools/logger';
import { MailDomainsSchema } from '@pantau/core/schemas';
import { z } from 'zod';

/** The development routes (/dev/tokens, /dev/clock, /dev/users) exist in the demo configuration only. */
export const devRoutesMounted = (config: { PANTAU_OIDC_ISSUER?: string | undefined }): boolean =>
  config.PANTAU_OIDC_ISSUER === undefined;

/**
 * A HOST that only this machine reaches: `localhost`, `::1` or an address of 127.0.0.0/8.
 * Decided on the literal, before listening (a name other than localhost is not resolved).
 */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h === '::1') return true;
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return octets !== null && octets.slice(1).every((o) => Number(o) <= 255);
}

const Env = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    HOST: z.string().default('127.0.0.1'),
    PANTAU_DATA_DIR: z.string().min(1).default('.pantau'),
    PANTAU_CLOCK: z.enum(['system', 'manual']).default('system'),
    /**
     * A DynamoDB Local already running on this machine to use instead of starting one (the
     * test suite shares one JVM between runtimes): loopback only, since it accepts any
     * credential. This data dir's credential keeps a database of its own there.
     */
    PANTAU_DYNAMODB_ENDPOINT: z
      .url()
      .refine((url) => isLoopbackHost(new URL(url).hostname), {
        message: 'must be on loopback (127.0.0.1, localhost or ::1)',
      })
      .optional(),
    PANTAU_CLOCK_START: z.iso.datetime({ offset: true }).optional(),
    /**
     * `off`: start even though the system clock is earlier than the last time this data dir saw
     * (clock.ts), once the clock has been set right. The manual clock is never checked.
     */
    PANTAU_CLOCK_CHECK: z
      .enum(['on', 'off'])
      .default('on')
      .transform((v) => v === 'on'),
    /**
     * `off`: start even though a newer Pantau version last started on this data dir
     * (data-dir.ts), knowing this one reads its records correctly.
     */
    PANTAU_VERSION_CHECK: z
      .enum(['on', 'off'])
      .default('on')
      .transform((v) => v === 'on'),
    PANTAU_SEED_DEMO: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
    // Powertools Logger's own list of levels, as on Lambda (functions/config.ts).
    LOG_LEVEL: z.enum(LogLevel).default('INFO'),
    /**
     * Requests per minute each client address may make to the public tracking routes (the
     * 429 problem past it); `0` turns the limit off (a load test from one machine).
     */
    PANTAU_PUBLIC_RATE_LIMIT: z.coerce.number().int().min(0).default(60),
    /**
     * Complaints each client address may send in 10 minutes (`POST /v1/complaints`, on top of
     * the limit above); `0` turns this one off. Behind a reverse proxy every client shares
     * the proxy's address: raise it there.
     */
    PANTAU_COMPLAINT_RATE_LIMIT: z.coerce.number().int().min(0).default(20),
    /**
     * The e-mail channel: an SMTP listener on 127.0.0.1 at this port (0: any free port), each
     * message a case like SES's on AWS. Unset: no listener.
     */
    PANTAU_SMTP_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
    /**
     * Central's staff mail domains, comma-separated (`setneg.go.id`): a citizen's message an
     * officer forwards from one of them is the citizen's complaint, as `MAIL_STAFF_DOMAINS` on
     * AWS (README, "E-mail"). Central's registry contacts count without it. Unset: none.
     */
    PANTAU_MAIL_STAFF_DOMAINS: MailDomainsSchema,
    /**
     * The console's address as complainants and agencies reach it
     * (`https://pengaduan.example.go.id`): the receipt an e-mail complainant gets names its
     * tracking page, `<this>/track` (unset: the runtime's own URL, `http://127.0.0.1:3000`,
     * right only on this machine); the ladder's and forwarding letters link to their case,
     * `<this>/cases/<caseId>` (`CONSOLE_URL` on AWS; unset: they say "melalui Pantau" alone).
     */
    PANTAU_PUBLIC_URL: z.url().optional(),
    /**
     * The letters' `Reply-To`: a mailbox the unit reads, where an agency that answers a letter
     * by e-mail reaches it (`LETTERS_REPLY_TO` on AWS). Unset: none.
     */
    PANTAU_LETTERS_REPLY_TO: z.email().optional(),
    /**
     * The public complaint form's proof of work: the highest counter the browser may have to
     * try (each a PBKDF2 of 1,000 iterations). Lower only for tests and demos.
     */
    PANTAU_POW_MAX_COUNTER: z.coerce.number().int().min(2).max(1_000_000).default(4_000),
    /** How long a challenge may be answered, in seconds (10 minutes). Shorter only for tests. */
    PANTAU_POW_TTL_SECONDS: z.coerce.number().int().min(1).max(3_600).default(600),
    /**
     * An OIDC provider to sign in with (a Cognito user pool's issuer URL, say), instead of the
     * demo users: the console then uses the authorization code flow with PKCE, the API trusts
     * that issuer's ID tokens (`aud` = the client id, keys at `<issuer>/.well-known/jwks.json`),
     * and the /dev routes are not mounted.
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
  )
  // The demo configuration mounts /dev/tokens, which mints a token for anyone, a central
  // admin included: it may listen on this machine only. No opt-in, on purpose.
  .refine((env) => !devRoutesMounted(env) || isLoopbackHost(env.HOST), {
    message:
      'the demo configuration (no PANTAU_OIDC_ISSUER) mounts /dev/tokens, which mints a token ' +
      'for anyone, and listens on loopback only (127.0.0.1, ::1, localhost); to listen on ' +
      'another interface, sign in through an identity provider: set PANTAU_OIDC_ISSUER and ' +
      'PANTAU_OIDC_CLIENT_ID',
    path: ['HOST'],
  })
  // The manual clock moves only through POST /dev/clock: a demo and test feature.
  .refine((env) => env.PANTAU_CLOCK === 'system' || devRoutesMounted(env), {
    message:
      'the manual clock moves only through /dev/clock, which only the demo configuration ' +
      '(no PANTAU_OIDC_ISSUER) mounts',
    path: ['PANTAU_CLOCK'],
  });
export type RuntimeConfig = z.infer<typeof Env>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`invalid environment:\n${issues}`);
  }
  return parsed.data;
}
