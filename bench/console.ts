/**
 * Benchmark: the web console's JavaScript, as a browser downloads it. "Initial" is what the
 * first page needs before anything shows: the entry chunk and every chunk it imports
 * statically (from Vite's manifest); pages behind sign-in and the Cognito client load on
 * demand and are listed apart. Sizes gzipped (level 9, what CloudFront's compression is near).
 *
 *   npm run bench:console
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildConsole } from '@pantau/local';

const BUDGET_KB = 250;
const outDir = await mkdtemp(join(tmpdir(), 'pantau-console-'));
type Chunk = { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[] };

try {
  await buildConsole({ outDir, manifest: true, sourcemap: false });
  const manifest = JSON.parse(
    await readFile(join(outDir, '.vite/manifest.json'), 'utf8'),
  ) as Record<string, Chunk>;
  const gz = async (file: string) =>
    gzipSync(await readFile(join(outDir, file)), { level: 9 }).length;
  const raw = async (file: string) => (await readFile(join(outDir, file))).length;

  const initial = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key]!;
    if (initial.has(chunk.file)) return;
    initial.add(chunk.file);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  const js = [...new Set(Object.values(manifest).map((c) => c.file))].filter((f) =>
    f.endsWith('.js'),
  );

  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  let initialGz = 0;
  let initialRaw = 0;
  console.log(
    `\nWeb console JavaScript (${new Date().toISOString().slice(0, 10)}, vite build, production)`,
  );
  console.log('chunk                                   raw KB   gzip KB   loaded');
  for (const file of js.sort()) {
    const [r, g] = [await raw(file), await gz(file)];
    const first = initial.has(file);
    if (first) {
      initialGz += g;
      initialRaw += r;
    }
    console.log(
      `${file.padEnd(38)} ${kb(r).padStart(7)} ${kb(g).padStart(9)}   ${first ? 'initial' : 'on demand'}`,
    );
  }
  console.log(
    `\ninitial JavaScript: ${kb(initialRaw)} KB raw, ${kb(initialGz)} KB gzipped ` +
      `(budget ${BUDGET_KB} KB gzipped: ${initialGz / 1024 <= BUDGET_KB ? 'met' : 'NOT met'})`,
  );
} finally {
  await rm(outDir, { recursive: true, force: true });
}
