// zod's small build: the functions parse their settings at cold start, and the classic build
// (with every schema method) would be 170 KB more of every function's init (BENCHMARKS,
// "Cold start"). Its schemas work inside classic ones (the embedded runtime's configuration).
import * as z from 'zod/mini';

/**
 * A setting written as a comma-separated list, read as its items: each trimmed and lower-cased,
 * the empty ones dropped; unset or empty: none.
 */
export const CommaListSchema = z.pipe(
  z._default(z.string(), ''),
  z.transform((v: string) =>
    v
      .split(',')
      .map((item) => item.trim().toLowerCase())
      .filter(Boolean),
  ),
);

/**
 * Central's staff mail domains, comma-separated (`setneg.go.id,kemensetneg.go.id`), lower-cased;
 * empty: none. A citizen's message an officer forwards from one of them is the citizen's
 * complaint (README, "E-mail"). Read from `MAIL_STAFF_DOMAINS` on AWS, `PANTAU_MAIL_STAFF_DOMAINS`
 * embedded.
 */
export const MailDomainsSchema = z.pipe(
  CommaListSchema,
  z.array(
    z
      .string()
      .check(
        z.regex(
          /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
          'a mail domain such as setneg.go.id (no @, no scheme)',
        ),
      ),
  ),
);
