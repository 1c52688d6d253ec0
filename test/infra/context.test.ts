import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { redirectUrls } from '../../infra/context.ts';
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
    // The context as the CLI hands it to the app (`-c callbackUrls=…`).
    const run = spawnSync(
      process.execPath,
      ['--disable-warning=ExperimentalWarning', 'infra/app.ts'],
      {
        cwd: projectRoot,
        env: {
          PATH: process.env.PATH,
          CDK_CONTEXT_JSON: JSON.stringify({
            callbackUrls: 'http://127.0.0.1:3000/auth/callback',
            // Were the check missing, the stacks would be built without bundling their functions.
            'aws:cdk:bundling-stacks': [],
          }),
        },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('callbackUrls: http://127.0.0.1:3000/auth/callback');
  });
});
