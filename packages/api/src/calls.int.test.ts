/**
 * Issue 17 (P1): each hot operation issues only the DynamoDB calls it needs, on DynamoDB Local
 * with the store built as the API's composition roots build it (settings kept 5 s). The calls
 * are counted in the SDK's own middleware stack: every command the client really sends.
 * BENCHMARKS.md ("P1: calls per operation") times the same operations against these calls.
 */
import { Service } from '@pantau/core';
import { API_SETTINGS_TTL_MS } from '@pantau/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { addAgencies, countingClient, freshStore } from '../../../test/support/dynamodb.ts';
import { testIssuer } from '../../../test/support/tokens.ts';
import { createApp } from './app.ts';

const sent: string[] = [];
let app: ReturnType<typeof createApp>;
let sign: (claims: Record<string, unknown>) => Promise<string>;

beforeAll(async () => {
  const client = countingClient(sent);
  const store = await freshStore({ client, settingsTtlMs: API_SETTINGS_TTL_MS });
  const issuer = await testIssuer();
  const { verifier } = issuer;
  sign = issuer.sign;
  app = createApp({ store, verifier, clock: () => new Date() });
  await addAgencies(new Service({ store, clock: () => new Date() }), [
    { id: 'polri' },
    { id: 'pln' },
    { id: 'bpn' },
  ]);
});

describe('the DynamoDB calls of each hot operation (settings already kept)', () => {
  it('register, verify, forward, acknowledge, respond, the queue and a search', async () => {
    const central = await sign({ sub: 'c1', agency: 'setneg', role: 'central_officer' });
    const polri = await sign({ sub: 'p1', agency: 'polri', role: 'agency_officer' });
    const call = async (
      method: string,
      path: string,
      token: string,
      status: number,
      body?: unknown,
    ) => {
      const res = await app.request(path, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      expect(res.status, await res.clone().text()).toBe(status);
      return (await res.json()) as { id: string };
    };
    const complaint = {
      channel: 'letter',
      complainant: { name: 'Pengadu' },
      subject: 'Jalan rusak di desa',
      description: 'Uraian',
    };
    // One of each first: the settings are read once and kept, as on a warm instance.
    const warm = await call('POST', '/v1/cases', central, 201, complaint);
    await call('POST', `/v1/cases/${warm.id}/verification`, central, 200, {
      decision: 'accept',
      type: 'light',
    });
    await call('POST', `/v1/cases/${warm.id}/assignments`, central, 201, {
      assignments: [{ agencyId: 'polri' }],
    });

    const calls = async (run: () => Promise<unknown>) => {
      sent.length = 0;
      await run();
      return [...sent];
    };
    let id = '';
    expect(
      await calls(async () => (id = (await call('POST', '/v1/cases', central, 201, complaint)).id)),
    ).toEqual(['GetItem', 'TransactWriteItems']);
    expect(
      await calls(() =>
        call('POST', `/v1/cases/${id}/verification`, central, 200, {
          decision: 'accept',
          type: 'light',
        }),
      ),
    ).toEqual(['Query', 'TransactWriteItems']);
    expect(
      (
        await calls(() =>
          call('POST', `/v1/cases/${id}/assignments`, central, 201, {
            assignments: ['polri', 'pln', 'bpn'].map((agencyId) => ({ agencyId })),
          }),
        )
      ).sort(),
    ).toEqual(['BatchGetItem', 'Query', 'TransactWriteItems']);
    expect(
      await calls(() =>
        call('POST', `/v1/cases/${id}/assignments/polri/acknowledge`, polri, 200, {}),
      ),
    ).toEqual(['Query', 'TransactWriteItems']);
    expect(
      await calls(() =>
        call('POST', `/v1/cases/${id}/assignments/polri/responses`, polri, 200, {
          kind: 'progress',
          message: 'Sedang ditangani',
        }),
      ),
    ).toEqual(['Query', 'TransactWriteItems']);
    expect(await calls(() => call('GET', '/v1/queue?limit=25', polri, 200))).toEqual([
      'Query',
      'Query',
      'BatchGetItem',
    ]);
    expect(
      await calls(() =>
        call('GET', `/v1/search?q=${encodeURIComponent('jalan rusak')}`, central, 200),
      ),
    ).toEqual(['Query', 'Query', 'BatchGetItem']);
  });
});
