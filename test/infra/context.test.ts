import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  authDomainPrefix,
  contextText,
  existingTable,
  flag,
  redirectUrls,
  secretVersionId,
  unknownContextKeys,
  wholeNumber,
} from '../../infra/context.ts';
import { projectRoot } from '../../infra/function.ts';

describe('the callbackUrls and logoutUrls context values', () => {
  it('takes https URLs, and http only on localhost (what Cognito accepts)', () => {
    expect(
      redirectUrls(
        'callbackUrls',
        ' https://console.example.go.id/auth/callback, http://localhost:3000/auth/callback ,',
      ),
    ).toEqual([
      'https://console.example.go.id/auth/callback',
      'http://localhost:3000/auth/callback',
    ]);
    expect(redirectUrls('logoutUrls', 'http://localhost/')).toEqual(['http://localhost/']);
    expect(redirectUrls('logoutUrls', '')).toEqual([]);
  });

  it.each([
    'http://127.0.0.1:3000/auth/callback',
    'http://[::1]:3000/auth/callback',
    'http://console.example.go.id/auth/callback',
    'http://localhost.example.go.id/auth/callback',
    'ftp://localhost/auth/callback',
  ])('refuses %s, saying why and what to use', (url) => {
    expect(() => redirectUrls('callbackUrls', url)).toThrow(
      new RegExp(`callbackUrls: ${url.replace(/[.[\]]/g, '\\$&')} .*https.*http://localhost`),
    );
  });

  it('refuses what is not a URL', () => {
    expect(() => redirectUrls('logoutUrls', 'console.example.go.id/')).toThrow(
      /logoutUrls: console.example.go.id\/ is not an absolute URL/,
    );
  });

  it('is checked by the app before any stack is built', () => {
    const run = appWith({ callbackUrls: 'http://127.0.0.1:3000/auth/callback' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('callbackUrls: http://127.0.0.1:3000/auth/callback');
  });
});

describe('the authDomainPrefix context value (the hosted sign-in domain)', () => {
  it('takes what Cognito takes: lower-case letters, digits and inner hyphens, up to 63', () => {
    expect(authDomainPrefix('')).toBeUndefined();
    expect(authDomainPrefix('pantau-setneg')).toBe('pantau-setneg');
    expect(authDomainPrefix('p'.repeat(63))).toBe('p'.repeat(63));
  });

  // Cognito refuses these when CloudFormation creates the domain: the first deploy rolls back
  // and leaves a table and a user pool behind (infra/README.md, "If the first deploy fails").
  it.each([
    ['Pantau-Setneg', /lower-case letters, digits and hyphens/],
    ['pantau.auth.ap-southeast-3.amazoncognito.com', /the prefix alone/],
    ['-pantau', /lower-case letters, digits and hyphens/],
    ['pantau-', /lower-case letters, digits and hyphens/],
    ['p'.repeat(64), /63 characters at most/],
    ['pantau-aws-setneg', /reserved word "aws"/],
    ['amazon-pantau', /reserved word "amazon"/],
    ['pantaucognito', /reserved word "cognito"/],
  ])('refuses %s, saying why', (value, reason) => {
    expect(() => authDomainPrefix(value)).toThrow(/^authDomainPrefix: /);
    expect(() => authDomainPrefix(value)).toThrow(reason);
  });

  it('is checked by the app before any stack is built', () => {
    // CDK itself checks only the characters, and names no context key.
    const run = appWith({ authDomainPrefix: 'pantau-aws-setneg' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('authDomainPrefix: pantau-aws-setneg');
  });
});

describe('the threatProtection context value (true or false)', () => {
  it('takes true or false, in any case, and nothing as false', () => {
    expect(flag('threatProtection', '')).toBe(false);
    expect(flag('threatProtection', 'false')).toBe(false);
    expect(flag('threatProtection', 'true')).toBe(true);
    expect(flag('threatProtection', 'TRUE')).toBe(true);
  });

  it.each(['yes', '1', 'on', 'enforced'])('refuses %s instead of reading it as false', (value) => {
    expect(() => flag('threatProtection', value)).toThrow(
      `threatProtection must be true or false; got ${value}`,
    );
  });

  it('is checked by the app before any stack is built', () => {
    // Before, "yes" deployed without threat protection, and without a word.
    const run = appWith({ threatProtection: 'yes' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('threatProtection must be true or false; got yes');
  });
});

describe('the tableName and searchKeySecretArn context values (an existing table)', () => {
  const KEY = 'arn:aws:secretsmanager:ap-southeast-3:111111111111:secret:DataSearchKey-AbC123';

  it('takes a DynamoDB table name, and with it the complete ARN of its search key', () => {
    expect(existingTable('', '')).toEqual({});
    expect(existingTable('Pantau-DataTable1A2B3C-XYZ.restored_2026', '')).toEqual({
      tableName: 'Pantau-DataTable1A2B3C-XYZ.restored_2026',
    });
    expect(existingTable('pantau-restored', KEY)).toEqual({
      tableName: 'pantau-restored',
      searchKeySecretArn: KEY,
    });
    expect(existingTable('x'.repeat(255), '')).toEqual({ tableName: 'x'.repeat(255) });
  });

  it.each([
    'ab',
    'x'.repeat(256),
    'pantau restored',
    'pantau/restored',
    'arn:aws:dynamodb:ap-southeast-3:111111111111:table/pantau',
  ])('refuses the table name %s, saying what DynamoDB takes', (name) => {
    expect(() => existingTable(name, '')).toThrow(
      /^tableName: .* is not a DynamoDB table name: 3 to 255 characters of a-z, A-Z, 0-9, _, - and \./,
    );
  });

  it.each([
    'DataSearchKey-AbC123',
    'arn:aws:secretsmanager:ap-southeast-3:111111111111:secret:DataSearchKey',
    'arn:aws:kms:ap-southeast-3:111111111111:key/DataSearchKey-AbC123',
  ])('refuses %s as the search key: the complete ARN, with its six-character suffix', (arn) => {
    expect(() => existingTable('pantau-restored', arn)).toThrow(
      /^searchKeySecretArn: .* is not the complete ARN of a secret/,
    );
  });

  it('refuses a search key without the table it keys', () => {
    expect(() => existingTable('', KEY)).toThrow(/^searchKeySecretArn needs tableName/);
  });

  it('is checked by the app before any stack is built', () => {
    const run = appWith({ tableName: 'pantau restored' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('tableName: pantau restored is not a DynamoDB table name');
  });
});

describe('the mailIntakeConcurrency context value (runs reserved for the intake)', () => {
  it('takes a whole number, 0 for none reserved (an account whose quota leaves none)', () => {
    expect(wholeNumber('mailIntakeConcurrency', '5')).toBe(5);
    expect(wholeNumber('mailIntakeConcurrency', '0')).toBe(0);
    for (const bad of ['-1', '2.5', 'lima', ''])
      expect(() => wholeNumber('mailIntakeConcurrency', bad), bad).toThrow(
        /^mailIntakeConcurrency must be a whole number/,
      );
  });

  it('is checked by the app before any stack is built', () => {
    const run = appWith({
      mailIntakeRecipients: 'pengaduan@example.go.id',
      mailIntakeConcurrency: 'lima',
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(
      'mailIntakeConcurrency must be a whole number (0 or more); got lima',
    );
  });
});

describe('context values written in cdk.json (JSON types, not only the strings -c gives)', () => {
  it('reads true/false and numbers as their text, as `-c key=value` would give them', () => {
    expect(contextText('threatProtection', true, 'single')).toBe('true');
    expect(contextText('threatProtection', false, 'single')).toBe('false');
    expect(contextText('mailIntakeConcurrency', 0, 'single')).toBe('0');
    expect(contextText('logLevel', ' debug ', 'single')).toBe('debug');
    expect(contextText('logLevel', '  ', 'single')).toBeUndefined();
    expect(contextText('logLevel', undefined, 'single')).toBeUndefined();
  });

  it('reads a list of strings where the value is a list (the comma-separated form)', () => {
    expect(
      contextText(
        'callbackUrls',
        ['http://localhost:3000/auth/callback', ' https://console.example.go.id/auth/callback '],
        'list',
      ),
    ).toBe('http://localhost:3000/auth/callback,https://console.example.go.id/auth/callback');
    expect(contextText('mailIntakeRecipients', [], 'list')).toBeUndefined();
  });

  it.each([
    [
      'authDomainPrefix',
      ['pantau-a', 'pantau-b'],
      'single',
      /authDomainPrefix takes one value, not a list/,
    ],
    ['callbackUrls', [1, 2], 'list', /callbackUrls must be .*a list of strings/],
    [
      'logLevel',
      { level: 'INFO' },
      'single',
      /logLevel must be a string, a number or true\/false in cdk.json/,
    ],
    ['stackName', null, 'single', /stackName must be a string/],
  ] as const)('refuses %s = %j with the reason', (key, value, kind, message) => {
    expect(() => contextText(key, value, kind)).toThrow(message);
  });

  it('the app reads a JSON list: callbackUrls as an array is checked, not ignored', () => {
    const run = appWith({ callbackUrls: ['http://127.0.0.1:3000/auth/callback'] });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('callbackUrls: http://127.0.0.1:3000/auth/callback');
  });

  it('the app reads a JSON number: mailIntakeConcurrency as a number is checked, not ignored', () => {
    const run = appWith({
      mailIntakeRecipients: ['pengaduan@example.go.id'],
      mailIntakeConcurrency: -1,
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(
      'mailIntakeConcurrency must be a whole number (0 or more); got -1',
    );
  });

  it('the app refuses a value of another JSON type instead of ignoring it', () => {
    const run = appWith({ threatProtection: { enabled: true } });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('threatProtection must be a string, a number or true/false');
  });
});

describe('a context key the app does not read (a mistyped setting)', () => {
  it("names the unknown keys and the settings there are, and leaves the CDK's own keys alone", () => {
    const known = new Set(['alarmEmail', 'mailFrom']);
    expect(
      unknownContextKeys(
        {
          alarmMail: 'ops@setneg.go.id',
          'mail-from': 'pantau@setneg.go.id',
          mailFrom: 'pantau@setneg.go.id',
          '@aws-cdk/core:checkSecretUsage': true,
          'aws:cdk:bundling-stacks': [],
          'availability-zones:account=111111111111:region=ap-southeast-3': [],
          'acknowledged-issue-numbers': [32775],
          'cli-telemetry': false,
          $dontSaveContext: true,
        },
        known,
      ),
    ).toEqual(['alarmMail', 'mail-from']);
  });

  it('stops the app before any stack is built: -c alarmMail= would deploy without alarms', () => {
    const run = appWith({ alarmMail: 'ops@setneg.go.id' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('alarmMail is not a setting of this app');
    expect(run.stderr).toMatch(/alarmEmail, .*threatProtection/);
  });
});

describe('the originSecretVersion context value (after rotating the origin secret)', () => {
  it('takes the VersionId Secrets Manager printed, or nothing', () => {
    expect(secretVersionId('originSecretVersion', '')).toBeUndefined();
    expect(secretVersionId('originSecretVersion', 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111')).toBe(
      'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
    );
  });

  it.each(['AWSCURRENT', 'v2', 'a1b2c3d4 5678 90ab cdef EXAMPLE11111'])(
    'refuses %s, saying what it takes',
    (value) => {
      expect(() => secretVersionId('originSecretVersion', value)).toThrow(
        /^originSecretVersion: .* is not a secret's VersionId/,
      );
    },
  );
});

/** The app run with `context` as the CLI hands it over (`-c key=value`), or cdk.json's JSON. */
function appWith(context: Record<string, unknown>) {
  return spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', 'infra/app.ts'], {
    cwd: projectRoot,
    env: {
      PATH: process.env.PATH,
      // The run's compile cache (vitest.config.ts), as every other Node process of the run.
      ...(process.env.NODE_COMPILE_CACHE
        ? { NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE }
        : {}),
      CDK_CONTEXT_JSON: JSON.stringify({
        ...context,
        // Were the check missing, the stacks would be built without bundling their functions.
        'aws:cdk:bundling-stacks': [],
      }),
    },
    encoding: 'utf8',
    timeout: 60_000,
  });
}
