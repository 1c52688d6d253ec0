/**
 * Documents (issue 15): the time to render a letter PDF (p50/p99), and a forward to 10 agencies
 * end to end on the embedded runtime (the request, then every forwarding letter rendered and
 * written as an .eml with its PDF). Prints figures; never fails on timing.
 */
import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forwardingLetterDocument } from '@pantau/core';
import { renderLetterPdf } from '@pantau/documents/pdf';
import { loadConfig, startRuntime } from '@pantau/local';
import { FORWARDED_AT, forwardedExample } from '../packages/documents/src/fixtures.test-support.ts';

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

// 1. Rendering: the forwarding letter of the DOMAIN.md example, 300 times (after 20 warm-ups).
const x = forwardedExample(true);
const doc = forwardingLetterDocument({
  ...x,
  number: 'B-12/Kemensetneg/D-4/DM.05/03/2026',
  now: FORWARDED_AT,
  attachments: ['surat-pengaduan.pdf', 'foto-lokasi.jpg'],
});
const first = performance.now();
const bytes = await renderLetterPdf(doc);
const firstMs = performance.now() - first;
for (let i = 0; i < 20; i += 1) await renderLetterPdf(doc);
const times: number[] = [];
for (let i = 0; i < 300; i += 1) {
  const t = performance.now();
  await renderLetterPdf(doc);
  times.push(performance.now() - t);
}
console.log(
  `\nLetter PDF (${new Date().toISOString().slice(0, 10)}, pdf-lib, DejaVu Serif subset)`,
);
console.log(
  `  size ${(bytes.byteLength / 1024).toFixed(1)} KB, first render (font load) ${firstMs.toFixed(0)} ms`,
);
console.log(
  `  render p50 ${percentile(times, 0.5).toFixed(1)} ms, p99 ${percentile(times, 0.99).toFixed(1)} ms (n=300)`,
);

// 2. A forward to 10 agencies, end to end.
const dataDir = await mkdtemp(join(tmpdir(), 'pantau-bench-docs-'));
const runtime = await startRuntime(
  loadConfig({ PORT: '0', PANTAU_DATA_DIR: dataDir, LOG_LEVEL: 'SILENT' }),
);
try {
  const call = async (method: string, path: string, body: unknown, token?: string) => {
    const res = await fetch(`${runtime.url}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
    return (await res.json()) as Record<string, unknown>;
  };
  const tokenOf = async (agency: string, role: string) =>
    String((await call('POST', '/dev/tokens', { sub: `${agency}-b`, agency, role })).token);
  const admin = await tokenOf('setneg', 'central_admin');
  const agencies = Array.from({ length: 10 }, (_, i) => `bench-agency-${i}`);
  for (const id of agencies)
    await call(
      'POST',
      '/v1/agencies',
      {
        id,
        name: `Instansi Uji ${id}`,
        kind: 'agency',
        contacts: [{ name: 'Penghubung', email: `liaison@${id}.example.go.id` }],
      },
      admin,
    );
  const runs: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    const c = await call(
      'POST',
      '/v1/cases',
      {
        channel: 'letter',
        complainant: { name: 'Pengadu Uji' },
        subject: `Pengaduan uji ${run}`,
        description: 'Uraian.',
      },
      admin,
    );
    await call(
      'POST',
      `/v1/cases/${c.id}/verification`,
      { decision: 'accept', type: 'normative' },
      admin,
    );
    const mail = join(dataDir, 'mail');
    const count = () => {
      try {
        return readdirSync(mail, { recursive: true }).filter((f) => String(f).endsWith('.eml'))
          .length;
      } catch {
        return 0;
      }
    };
    const before = count();
    const t = performance.now();
    await call(
      'POST',
      `/v1/cases/${c.id}/assignments`,
      { assignments: agencies.map((agencyId) => ({ agencyId })) },
      admin,
    );
    while (count() < before + 10) await new Promise((done) => setTimeout(done, 5));
    runs.push(performance.now() - t);
  }
  console.log(
    `  forward to 10 agencies, until the 10 forwarding letters (PDF) are written: median ${percentile(runs, 0.5).toFixed(0)} ms, max ${Math.max(...runs).toFixed(0)} ms (5 runs)`,
  );
} finally {
  await runtime.stop();
  await rm(dataDir, { recursive: true, force: true });
}
