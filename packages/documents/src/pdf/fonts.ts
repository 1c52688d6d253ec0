/**
 * The letters' typeface: DejaVu Serif (regular and bold), TrueType, embedded as a subset in
 * every PDF. It covers Latin in full (Indonesian's letters, é in "Pasal", the en dash, the
 * ellipsis), which the PDF standard fonts' WinAnsi encoding does not reliably. On Lambda the
 * files sit beside the bundle (`fonts/`, copied at synth); elsewhere they come from the
 * `dejavu-fonts-ttf` package.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FONT_FILES = { regular: 'DejaVuSerif.ttf', bold: 'DejaVuSerif-Bold.ttf' } as const;

let cached: Promise<{ regular: Uint8Array; bold: Uint8Array }> | undefined;

export function packageFontDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
}

const besideBundle = () => fileURLToPath(new URL('./fonts/', import.meta.url));

async function readFonts(dir: string) {
  const [regular, bold] = await Promise.all([
    readFile(join(dir, FONT_FILES.regular)),
    readFile(join(dir, FONT_FILES.bold)),
  ]);
  return { regular: new Uint8Array(regular), bold: new Uint8Array(bold) };
}

/** Both faces, read once per process. */
export function loadFonts(): Promise<{ regular: Uint8Array; bold: Uint8Array }> {
  cached ??= readFonts(besideBundle()).catch(() => readFonts(packageFontDir()));
  return cached;
}
