import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { existingTable, redirectUrls, wholeNumber } from '../../infra/context.ts';
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

/** The app run with `context` as the CLI hands it over (`-c key=value`). */
function appWith(context: Record<string, string>) {
  return spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', 'infra/app.ts'], {
    cwd: projectRoot,
    env: {
      PATH: process.env.PATH,
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
