import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeToken, json, mockApi } from '../../test/render';
import { api, download, idempotencyKey, setApiToken, setTokenRenewal, unwrap } from './client';

const OLD = fakeToken({ sub: 'u1', agency: 'polri', role: 'agency_officer' });
const NEW = `${OLD}-renewed`;
const UNAUTHORIZED = { title: 'Unauthorized', status: 401, code: 'unauthorized', detail: 'x' };

/** The API as it answers a tab that slept past its token's hour: only the renewed one passes. */
const acceptsOnly = (valid: string) =>
  mockApi((call) =>
    call.headers.get('authorization') === `Bearer ${valid}`
      ? json(200, { items: [], nextCursor: null, id: 'c1' })
      : json(401, UNAUTHORIZED),
  );

afterEach(() => {
  setApiToken(null);
  setTokenRenewal(null);
  vi.unstubAllGlobals();
});

describe('a call the API refused for an expired token (a tab asleep past its renewal)', () => {
  it('renews the token once and sends the same request again: the session goes on', async () => {
    const ended = vi.fn();
    const renewal = vi.fn(async () => {
      setApiToken(NEW); // as the session holder does when the renewed user loads
      return NEW;
    });
    setApiToken(OLD, ended);
    setTokenRenewal(renewal);
    const calls = acceptsOnly(NEW);
    const key = idempotencyKey();

    const body = { kind: 'progress' as const, message: 'Sedang kami tindak lanjuti.' };
    const { response } = await api.POST('/v1/cases/{id}/assignments/{agencyId}/responses', {
      params: { path: { id: 'c1', agencyId: 'polri' }, header: { 'idempotency-key': key } },
      body,
    });

    expect(response.status).toBe(200);
    expect(ended).not.toHaveBeenCalled();
    expect(renewal).toHaveBeenCalledTimes(1);
    expect(calls.map((c) => c.headers.get('authorization'))).toEqual([
      `Bearer ${OLD}`,
      `Bearer ${NEW}`,
    ]);
    // The same request: its body and idempotency key, so a write is made once.
    expect(calls[1]?.body).toEqual(body);
    expect(calls[1]?.headers.get('idempotency-key')).toBe(key);
  });

  it('renews once for every call refused meanwhile (a page reading several lists at once)', async () => {
    const renewal = vi.fn(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      setApiToken(NEW);
      return NEW;
    });
    setApiToken(OLD, vi.fn());
    setTokenRenewal(renewal);
    acceptsOnly(NEW);

    const pages = await Promise.all(
      ['received', 'verified', 'needs_info'].map((status) =>
        unwrap(api.GET('/v1/cases', { params: { query: { status: status as 'received' } } })),
      ),
    );

    expect(pages).toHaveLength(3);
    expect(renewal).toHaveBeenCalledTimes(1);
  });

  it('ends the session (drafts kept, the sign-in page says why) only when the renewal fails', async () => {
    const ended = vi.fn();
    setApiToken(OLD, ended);
    setTokenRenewal(async () => null);
    const calls = acceptsOnly(NEW);

    const { response } = await api.GET('/v1/cases', {});

    expect(response.status).toBe(401);
    expect(ended).toHaveBeenCalledTimes(1);
    expect(calls).toHaveLength(1);
  });

  it('ends the session when the renewed token is refused too', async () => {
    const ended = vi.fn();
    setApiToken(OLD, ended);
    setTokenRenewal(async () => NEW);
    const calls = acceptsOnly('neither');

    const { response } = await api.GET('/v1/cases', {});

    expect(response.status).toBe(401);
    expect(ended).toHaveBeenCalledTimes(1);
    expect(calls).toHaveLength(2);
  });

  it('embedded (no renewal): the session ends at the first refusal, the call sent once', async () => {
    const ended = vi.fn();
    setApiToken(OLD, ended);
    const calls = acceptsOnly(NEW);

    await api.GET('/v1/cases', {});

    expect(ended).toHaveBeenCalledTimes(1);
    expect(calls).toHaveLength(1);
  });

  it('a download (a CSV, a letter’s PDF) renews the same way', async () => {
    const renewal = vi.fn(async () => NEW);
    setApiToken(OLD, vi.fn());
    setTokenRenewal(renewal);
    const calls = mockApi((call) =>
      call.headers.get('authorization') === `Bearer ${NEW}`
        ? new Response('a,b\n', { status: 200, headers: { 'content-type': 'text/csv' } })
        : json(401, UNAUTHORIZED),
    );
    vi.stubGlobal(
      'URL',
      Object.assign(URL, { createObjectURL: () => 'blob:x', revokeObjectURL() {} }),
    );

    await download('/v1/stats/cases.csv', 'cases.csv');

    expect(renewal).toHaveBeenCalledTimes(1);
    expect(calls.map((c) => c.path)).toEqual(['/v1/stats/cases.csv', '/v1/stats/cases.csv']);
  });

  it('a call made without a session (the public tracking page) is not renewed and ends nothing', async () => {
    const ended = vi.fn();
    const renewal = vi.fn(async () => NEW);
    setApiToken(null, ended);
    setTokenRenewal(renewal);
    const calls = acceptsOnly(NEW);

    await api.GET('/v1/cases', {});

    expect(calls[0]?.headers.get('authorization')).toBeNull();
    expect(renewal).not.toHaveBeenCalled();
    expect(ended).not.toHaveBeenCalled();
  });
});
