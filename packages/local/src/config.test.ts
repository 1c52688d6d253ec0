import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

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

  it('limits each client to 60 public tracking requests a minute unless told otherwise', () => {
    expect(loadConfig({}).PANTAU_PUBLIC_RATE_LIMIT).toBe(60);
    expect(loadConfig({ PANTAU_PUBLIC_RATE_LIMIT: '0' }).PANTAU_PUBLIC_RATE_LIMIT).toBe(0);
    expect(() => loadConfig({ PANTAU_PUBLIC_RATE_LIMIT: '-1' })).toThrow(
      /PANTAU_PUBLIC_RATE_LIMIT/,
    );
  });
});
