import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, mockApi, renderWith } from '../test/render';
import { serverOffset } from './server-clock';

afterEach(() => vi.useRealTimers());

describe('the API’s clock', () => {
  it('is read again once a read is a few seconds old: the embedded manual clock moves while a page stays open', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-04-20T03:00:00.000Z'));
    let apiNow = '2026-04-20T03:00:00.000Z';
    const calls = mockApi((call) =>
      call.path === '/v1/clock' ? json(200, { now: apiNow }) : json(404, {}),
    );
    // Signed in (the client sends the session's token).
    renderWith(<span />, { as: { agency: 'setneg', role: 'central_officer' } });
    const clockReads = () => calls.filter((c) => c.path === '/v1/clock').length;
    expect(await serverOffset()).toBe(0);
    // Two days on, by the demo's manual clock; the same page asks a moment later: one read.
    apiNow = '2026-04-22T03:00:00.000Z';
    vi.setSystemTime(new Date('2026-04-20T03:00:01.000Z'));
    await serverOffset();
    expect(clockReads()).toBe(1);
    // A desk opened a minute later counts from the API's new time, not the old one.
    vi.setSystemTime(new Date('2026-04-20T03:01:00.000Z'));
    const ms = await serverOffset();
    expect(clockReads()).toBe(2);
    expect(new Date(Date.now() + ms).toISOString()).toBe('2026-04-22T03:00:00.000Z');
  });
});
