import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { keepingLayouts, LAYOUTS_KEPT } from './faces.ts';
import { loadFonts } from './fonts.ts';

const { regular, bold } = await loadFonts();
const TEXTS = [
  'Dengan hormat,',
  'Pungutan liar pembuatan SIM di Polres Denpasar',
  'Pasal 5 — «kutipan» “tanda petik” … selesai; effisien, official, fluffy',
  'B-12/Kemensetneg/D-4/DM.05/03/2026',
  'Tembusan: Yth. Menteri Sekretaris Negara',
  'é à ü ñ – Ω Ж',
  ' ',
];
/** What pdf-lib reads of a layout: each glyph's id, advance and characters. */
const read = (run: ReturnType<ReturnType<typeof fontkit.create>['layout']>) =>
  run.glyphs.map((g) => [g.id, g.advanceWidth, g.codePoints]);

describe('a face that keeps its layouts', () => {
  it('lays out each text as a fresh face does, the first time and every time after', () => {
    for (const bytes of [regular, bold]) {
      const kept = keepingLayouts(fontkit.create(bytes));
      const fresh = fontkit.create(bytes);
      for (const text of [...TEXTS, ...TEXTS])
        expect(read(kept.layout(text))).toEqual(read(fresh.layout(text)));
    }
  });

  it('keeps a text’s layout, not one asked with features, and lets the least recently used go', () => {
    const face = keepingLayouts(fontkit.create(regular));
    const first = face.layout('Dengan hormat,');
    expect(face.layout('Dengan hormat,')).toBe(first);
    expect(face.layout('Dengan hormat,', ['liga'])).not.toBe(first);
    const used = face.layout('Yth.');
    for (let i = 0; i < LAYOUTS_KEPT - 1; i += 1) {
      face.layout(`kata${i}`);
      if (i % 100 === 0) face.layout('Yth.'); // used again: kept
    }
    expect(face.layout('Yth.')).toBe(used);
    expect(face.layout('Dengan hormat,')).not.toBe(first);
  });
});
