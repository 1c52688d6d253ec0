import type {
  BlobStore,
  ComplainantMailer,
  ComplainantMessage,
  Mailer,
  NotificationRecord,
} from '@pantau/core';
import { describe, expect, it } from 'vitest';
import { onDemand, onDemandBlobStore, onDemandMailer } from './on-demand.ts';

describe('onDemand', () => {
  it('loads once, on the first call, and shares the load with calls made while it runs', async () => {
    let loads = 0;
    const get = onDemand(async () => ({ n: ++loads }));
    expect(loads).toBe(0);
    const [a, b] = await Promise.all([get(), get()]);
    expect(await get()).toBe(a);
    expect(b).toBe(a);
    expect(loads).toBe(1);
  });

  it('does not keep a failed load: the next call tries again', async () => {
    let attempts = 0;
    const get = onDemand(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('chunk missing');
      return 'loaded';
    });
    await expect(get()).rejects.toThrow('chunk missing');
    expect(await get()).toBe('loaded');
    expect(await get()).toBe('loaded');
    expect(attempts).toBe(2);
  });
});

describe('onDemandBlobStore', () => {
  it('builds the store on the first request and passes every call through to it', async () => {
    const calls: string[] = [];
    let built = 0;
    const real: BlobStore = {
      presignUpload: async (input) => {
        calls.push(`presignUpload ${input.key} ${input.maxBytes}`);
        return { url: 'https://s3/up', fields: { key: input.key }, expiresAt: 'later' };
      },
      presignDownload: async (input) => {
        calls.push(`presignDownload ${input.key} ${input.expiresInSeconds}`);
        return { url: 'https://s3/down', expiresAt: 'soon' };
      },
      write: async (key, bytes, type, name) =>
        void calls.push(`write ${key} ${bytes.length} ${type} ${name}`),
      read: async (key) => (calls.push(`read ${key}`), new Uint8Array([1, 2])),
      delete: async (key) => void calls.push(`delete ${key}`),
      scanStatus: async (key) => (calls.push(`scanStatus ${key}`), 'clean'),
    };
    const store = onDemandBlobStore(async () => (built++, real));
    expect(built).toBe(0);
    expect(
      await store.presignUpload({ key: 'k1', maxBytes: 10, expiresInSeconds: 60 }),
    ).toMatchObject({ url: 'https://s3/up', fields: { key: 'k1' } });
    expect(await store.presignDownload({ key: 'k1', expiresInSeconds: 60 })).toEqual({
      url: 'https://s3/down',
      expiresAt: 'soon',
    });
    await store.write('k2', new Uint8Array(3), 'image/png', 'foto.png');
    expect(await store.read('k2')).toEqual(new Uint8Array([1, 2]));
    await store.delete('k2');
    expect(await store.scanStatus('k1')).toBe('clean');
    expect(built).toBe(1);
    expect(calls).toEqual([
      'presignUpload k1 10',
      'presignDownload k1 60',
      'write k2 3 image/png foto.png',
      'read k2',
      'delete k2',
      'scanStatus k1',
    ]);
  });
});

describe('onDemandMailer', () => {
  it('builds the mailer with the first letter or receipt and sends each through it', async () => {
    const sent: string[] = [];
    let built = 0;
    const real: Mailer & ComplainantMailer = {
      send: async (n, at) => void sent.push(`letter ${n.id} ${at?.toISOString()}`),
      reply: async (m) => void sent.push(`receipt ${m.id}`),
    };
    const mailer = onDemandMailer(async () => (built++, real));
    expect(built).toBe(0);
    const at = new Date('2026-03-17T01:00:00.000Z');
    await Promise.all([
      mailer.send({ id: 'n1' } as NotificationRecord, at),
      mailer.reply({ id: 'm1' } as ComplainantMessage),
    ]);
    await mailer.send({ id: 'n2' } as NotificationRecord);
    expect(sent).toEqual([
      'letter n1 2026-03-17T01:00:00.000Z',
      'receipt m1',
      'letter n2 undefined',
    ]);
    expect(built).toBe(1);
  });
});
