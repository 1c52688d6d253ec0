/**
 * Parsing of the app's context values (`-c key=value`) that need more than a default, and the
 * defaults the app checks against. Light on purpose: the app checks every value with this file
 * before it loads the stacks (seconds of aws-cdk-lib), so a mistyped value is refused at once.
 */

/** `mailFrom` when the deploy names none: a placeholder no SES account can send from. */
export const PLACEHOLDER_MAIL_FROM = 'pantau@example.go.id';

/** The e-mail intake function's reserved runs unless the operator says otherwise. */
export const MAIL_INTAKE_CONCURRENCY = 5;

/**
 * A context value as text, or undefined when unset or blank. `-c key=value` gives strings;
 * cdk.json's `context` keeps JSON types, so `true`, `5` and (where the value is a list, `kind`
 * `'list'`) `["a", "b"]` are read as `-c` would give them (`"true"`, `"5"`, `"a,b"`). Anything
 * else is refused with the key: read as its default, it would change the stack silently.
 */
export const contextText = (
  key: string,
  value: unknown,
  kind: 'single' | 'list',
): string | undefined => {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    if (kind !== 'list') {
      throw new Error(
        `${key} takes one value, not a list; got ${JSON.stringify(value)} in cdk.json's context`,
      );
    }
    if (!value.every((item) => typeof item === 'string')) {
      throw new Error(
        `${key} must be comma-separated text or a list of strings in cdk.json's context; got ` +
          JSON.stringify(value),
      );
    }
    const items = list(value.join(','));
    return items.length > 0 ? items.join(',') : undefined;
  }
  throw new Error(
    `${key} must be a string, a number or true/false in cdk.json's context` +
      `${kind === 'list' ? ' (or a list of strings)' : ''}; got ${JSON.stringify(value)}`,
  );
};

/** A comma-separated list, items trimmed, empty items dropped. */
export const list = (value: string): string[] =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

/**
 * The extra OAuth redirect or sign-out URLs of `key` (`callbackUrls`, `logoutUrls`). Cognito
 * takes only https URLs, and http for `localhost` alone (not 127.0.0.1, not ::1): caught here
 * with the reason, instead of as a failed user pool client update in the middle of a deploy.
 */
export const redirectUrls = (key: string, value: string): string[] =>
  list(value).map((url) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error(`${key}: ${url} is not an absolute URL (https://host/path)`);
    }
    const ok =
      parsed.protocol === 'https:' ||
      (parsed.protocol === 'http:' && parsed.hostname === 'localhost');
    if (!ok) {
      throw new Error(
        `${key}: ${url} is refused: Cognito takes https URLs, and http only for ` +
          'http://localhost (e.g. http://localhost:3000/auth/callback; not 127.0.0.1)',
      );
    }
    return url;
  });

/** DynamoDB's rule for a table name: 3 to 255 of a-z, A-Z, 0-9, `_`, `-` and `.`. */
const TABLE_NAME = /^[A-Za-z0-9_.-]{3,255}$/;

/**
 * The complete ARN of a secret: what Secrets Manager returns, ending in `-` and the six random
 * characters it adds to the name (a partial ARN would need a wildcard in the grant).
 */
const SECRET_ARN =
  /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[\w/+=.@-]+-[A-Za-z0-9]{6}$/;

/**
 * An existing table for the stack to use instead of creating one (`tableName`: a point-in-time
 * restore, or the table a destroyed stack retained), with the search key it was indexed with
 * when that is not the stack's own (`searchKeySecretArn`, after a destroy). Checked here:
 * CloudFormation would take a bad name, and the functions would fail on their first request.
 */
export const existingTable = (
  table: string,
  searchKeySecretArn: string,
): { tableName?: string; searchKeySecretArn?: string } => {
  if (searchKeySecretArn && !table) {
    throw new Error(
      'searchKeySecretArn needs tableName: it is the search key of the existing table named there',
    );
  }
  if (!table) return {};
  if (!TABLE_NAME.test(table)) {
    throw new Error(
      `tableName: ${table} is not a DynamoDB table name: 3 to 255 characters of a-z, A-Z, 0-9, ` +
        '_, - and . (the name, not the ARN; in the account and region of the stack)',
    );
  }
  if (!searchKeySecretArn) return { tableName: table };
  if (!SECRET_ARN.test(searchKeySecretArn)) {
    throw new Error(
      `searchKeySecretArn: ${searchKeySecretArn} is not the complete ARN of a secret ` +
        '(arn:aws:secretsmanager:<region>:<account>:secret:<name>-<6 characters>, as ' +
        '`aws secretsmanager describe-secret` prints it)',
    );
  }
  return { tableName: table, searchKeySecretArn };
};

/**
 * A count the operator gives (`-c key=n`): a whole number, 0 or more, checked before any stack
 * is built rather than refused by CloudFormation half-way through a deploy.
 */
export const wholeNumber = (key: string, value: string): number => {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n))
    throw new Error(`${key} must be a whole number (0 or more); got ${value}`);
  return n;
};

/**
 * A secret version's id (`-c originSecretVersion`: the `VersionId` that `aws secretsmanager
 * put-secret-value` prints), or undefined. Secrets Manager's ids are 32 to 64 characters of
 * letters, digits and `-`; a stage name (`AWSCURRENT`) is refused: it would not change the
 * template, so CloudFront would not take the new value.
 */
export const secretVersionId = (key: string, value: string): string | undefined => {
  if (value === '') return undefined;
  if (!/^[A-Za-z0-9-]{32,64}$/.test(value)) {
    throw new Error(
      `${key}: ${value} is not a secret's VersionId (32 to 64 letters, digits and -, as ` +
        '`aws secretsmanager put-secret-value` prints it; not a stage name such as AWSCURRENT)',
    );
  }
  return value;
};

/** Words Cognito refuses anywhere in a prefix domain ("Domain cannot contain reserved word"). */
const RESERVED_IN_DOMAIN = ['aws', 'amazon', 'cognito'] as const;

/**
 * The hosted sign-in domain's prefix (`-c authDomainPrefix`), or undefined. Checked as Cognito's
 * `CreateUserPoolDomain` checks it: refused there, mid-deploy, a first deploy rolls back and
 * leaves a table and a user pool behind (infra/README.md, "If the first deploy fails"). CDK
 * checks only the characters, without naming the context key.
 */
export const authDomainPrefix = (value: string): string | undefined => {
  if (value === '') return undefined;
  const refuse = (why: string): never => {
    throw new Error(
      `authDomainPrefix: ${value} is refused: ${why} (the hosted sign-in domain is ` +
        '<prefix>.auth.<region>.amazoncognito.com, e.g. -c authDomainPrefix=pantau-setneg)',
    );
  };
  if (value.includes('.')) refuse('give the prefix alone, not a domain');
  if (value.length > 63) refuse('63 characters at most');
  if (!/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(value)) {
    refuse('lower-case letters, digits and hyphens only, beginning and ending with no hyphen');
  }
  const reserved = RESERVED_IN_DOMAIN.find((word) => value.includes(word));
  if (reserved) refuse(`Cognito does not take the reserved word "${reserved}" in it`);
  return value;
};

/**
 * A yes-or-no context value (`-c threatProtection=true`): `true` or `false` in any case, or
 * nothing (false). Anything else is refused: read as false, `yes` would deploy without it.
 */
export const flag = (key: string, value: string): boolean => {
  if (value === '') return false;
  const lower = value.toLowerCase();
  if (lower !== 'true' && lower !== 'false') {
    throw new Error(`${key} must be true or false; got ${value}`);
  }
  return lower === 'true';
};

/**
 * The CDK's own context keys without a colon: what `cdk acknowledge` and the CLI's telemetry
 * setting write into cdk.json. Every other key of the CDK has a `:` (lookups, `aws:cdk:…`), a
 * leading `@` (feature flags) or `$` (the CLI's transient marker).
 */
const CDK_OWN_KEYS = new Set(['acknowledged-issue-numbers', 'cli-telemetry']);

/**
 * The context keys given (`-c`, cdk.json) that are neither one of the app's settings (`known`)
 * nor the CDK's own: a mistyped setting (`-c alarmMail=…`) would otherwise be ignored, and the
 * stack deployed with its default (no alarm subscriber).
 */
export const unknownContextKeys = (
  given: Record<string, unknown>,
  known: ReadonlySet<string>,
): string[] =>
  Object.keys(given).filter(
    (key) => !known.has(key) && !CDK_OWN_KEYS.has(key) && !/[:@$]/.test(key),
  );
