import { describe, expect, it } from 'vitest';
import { devRoutesMounted, isLoopbackHost, loadConfig } from './config.ts';

describe('runtime configuration', () => {
  it('defaults to the demo sign-in on 127.0.0.1:3000', () => {
    expect(loadConfig({})).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', PANTAU_CLOCK: 'system' });
    expect(loadConfig({}).PANTAU_OIDC_ISSUER).toBeUndefined();
  });

  it('takes an OIDC provider only with its client id, and says which is missing', () => {
    const issuer = 'https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_Example';
    expect(loadConfig({ PANTAU_OIDC_ISSUER: issuer, PANTAU_OIDC_CLIENT_ID: 'abc' })).toMatchObject({
      PANTAU_OIDC_ISSUER: issuer,
      PANTAU_OIDC_CLIENT_ID: 'abc',
    });
    expect(() => loadConfig({ PANTAU_OIDC_ISSUER: issuer })).toThrow(
      /PANTAU_OIDC_CLIENT_ID: set PANTAU_OIDC_ISSUER and PANTAU_OIDC_CLIENT_ID together/,
    );
    expect(() =>
      loadConfig({ PANTAU_OIDC_ISSUER: 'not a url', PANTAU_OIDC_CLIENT_ID: 'abc' }),
    ).toThrow(/PANTAU_OIDC_ISSUER/);
  });

  it('gives the letters no Reply-To unless told one, and only an e-mail address', () => {
    expect(loadConfig({}).PANTAU_LETTERS_REPLY_TO).toBeUndefined();
    expect(
      loadConfig({ PANTAU_LETTERS_REPLY_TO: 'dumas@setneg.go.id' }).PANTAU_LETTERS_REPLY_TO,
    ).toBe('dumas@setneg.go.id');
    expect(() => loadConfig({ PANTAU_LETTERS_REPLY_TO: 'setneg.go.id' })).toThrow(
      /PANTAU_LETTERS_REPLY_TO/,
    );
  });

  it('knows no staff mail domains unless told; refuses what is not a domain', () => {
    expect(loadConfig({}).PANTAU_MAIL_STAFF_DOMAINS).toEqual([]);
    expect(
      loadConfig({ PANTAU_MAIL_STAFF_DOMAINS: ' Setneg.go.id, kemensetneg.go.id ,' })
        .PANTAU_MAIL_STAFF_DOMAINS,
    ).toEqual(['setneg.go.id', 'kemensetneg.go.id']);
    for (const bad of ['@setneg.go.id', 'https://setneg.go.id', 'petugas@setneg.go.id'])
      expect(() => loadConfig({ PANTAU_MAIL_STAFF_DOMAINS: bad }), bad).toThrow(
        /PANTAU_MAIL_STAFF_DOMAINS/,
      );
  });

  it('limits each client to 60 public tracking requests a minute unless told otherwise', () => {
    expect(loadConfig({}).PANTAU_PUBLIC_RATE_LIMIT).toBe(60);
    expect(loadConfig({ PANTAU_PUBLIC_RATE_LIMIT: '0' }).PANTAU_PUBLIC_RATE_LIMIT).toBe(0);
    expect(() => loadConfig({ PANTAU_PUBLIC_RATE_LIMIT: '-1' })).toThrow(
      /PANTAU_PUBLIC_RATE_LIMIT/,
    );
  });

  it('lets each client send 20 complaints in 10 minutes unless told otherwise (0: no such limit)', () => {
    expect(loadConfig({}).PANTAU_COMPLAINT_RATE_LIMIT).toBe(20);
    expect(loadConfig({ PANTAU_COMPLAINT_RATE_LIMIT: '0' }).PANTAU_COMPLAINT_RATE_LIMIT).toBe(0);
    expect(() => loadConfig({ PANTAU_COMPLAINT_RATE_LIMIT: 'many' })).toThrow(
      /PANTAU_COMPLAINT_RATE_LIMIT/,
    );
  });

  it('checks the clock and the version that last started on the data dir unless told not to', () => {
    expect(loadConfig({})).toMatchObject({ PANTAU_CLOCK_CHECK: true, PANTAU_VERSION_CHECK: true });
    expect(loadConfig({ PANTAU_CLOCK_CHECK: 'off', PANTAU_VERSION_CHECK: 'off' })).toMatchObject({
      PANTAU_CLOCK_CHECK: false,
      PANTAU_VERSION_CHECK: false,
    });
    expect(() => loadConfig({ PANTAU_CLOCK_CHECK: 'no' })).toThrow(/PANTAU_CLOCK_CHECK/);
  });

  // /dev/tokens mints any user's token, a central admin's included: it exists only in the
  // demo configuration, and only where nobody else can reach it.
  it('uses a DynamoDB Local already running only on loopback (it accepts any credential)', () => {
    expect(loadConfig({}).PANTAU_DYNAMODB_ENDPOINT).toBeUndefined();
    for (const endpoint of ['http://127.0.0.1:8000', 'http://localhost:8000', 'http://[::1]:8000'])
      expect(loadConfig({ PANTAU_DYNAMODB_ENDPOINT: endpoint }).PANTAU_DYNAMODB_ENDPOINT).toBe(
        endpoint,
      );
    for (const endpoint of [
      'http://10.0.0.5:8000',
      'https://dynamodb.ap-southeast-3.amazonaws.com',
    ])
      expect(() => loadConfig({ PANTAU_DYNAMODB_ENDPOINT: endpoint })).toThrow(
        /PANTAU_DYNAMODB_ENDPOINT: .*loopback/s,
      );
  });

  it('mounts /dev only in the demo configuration (no PANTAU_OIDC_ISSUER)', () => {
    const issuer = 'https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_Example';
    expect(devRoutesMounted(loadConfig({}))).toBe(true);
    expect(
      devRoutesMounted(loadConfig({ PANTAU_OIDC_ISSUER: issuer, PANTAU_OIDC_CLIENT_ID: 'abc' })),
    ).toBe(false);
  });

  it.each([
    '0.0.0.0',
    '::',
    '192.168.1.20',
    '10.0.0.5',
    'pantau.example.go.id',
    '127.0.0.1.nip.io',
  ])('refuses the demo configuration (with /dev) on the non-loopback HOST %s', (host) => {
    expect(() => loadConfig({ HOST: host })).toThrow(/HOST: .*loopback.*PANTAU_OIDC_ISSUER/s);
  });

  it.each(['127.0.0.1', '127.0.0.2', 'localhost', '::1', '[::1]'])(
    'allows the demo configuration on the loopback HOST %s',
    (host) => {
      expect(loadConfig({ HOST: host }).HOST).toBe(host);
    },
  );

  it('allows any HOST with an identity provider configured (no /dev then)', () => {
    const issuer = 'https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_Example';
    expect(
      loadConfig({ HOST: '0.0.0.0', PANTAU_OIDC_ISSUER: issuer, PANTAU_OIDC_CLIENT_ID: 'abc' })
        .HOST,
    ).toBe('0.0.0.0');
  });

  it('refuses the manual clock with an identity provider: only /dev/clock moves it', () => {
    const issuer = 'https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_Example';
    expect(() =>
      loadConfig({
        PANTAU_CLOCK: 'manual',
        PANTAU_OIDC_ISSUER: issuer,
        PANTAU_OIDC_CLIENT_ID: 'abc',
      }),
    ).toThrow(/PANTAU_CLOCK: .*demo configuration/);
    expect(loadConfig({ PANTAU_CLOCK: 'manual' }).PANTAU_CLOCK).toBe('manual');
  });

  it('knows loopback hosts', () => {
    for (const host of ['127.0.0.1', '127.255.0.9', 'localhost', 'LOCALHOST', '::1', '[::1]'])
      expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '', '128.0.0.1', '127.0.0.256', 'localhost.evil.example'])
      expect(isLoopbackHost(host), host).toBe(false);
  });
});
