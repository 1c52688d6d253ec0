/**
 * The letters' faces as fontkit reads them, shared by every letter a process renders: parsed
 * once, and each text's layout kept.
 */
import fontkit from '@pdf-lib/fontkit';

type Face = ReturnType<typeof fontkit.create>;

/**
 * How many texts a face keeps the layout of, the least recently used let go first: about 4 KB a
 * layout (a line's, a word's less), so about 12 MB a face at most. A letter measures some 300
 * words and draws some 40 lines, most of them the same in every letter.
 */
export const LAYOUTS_KEPT = 3_000;

/**
 * A face whose layouts are kept by text. fontkit shapes a text afresh on every call (half of a
 * letter's render: each word measured to wrap a paragraph, each line again to draw it), and a
 * text's glyphs depend on the face alone; pdf-lib reads a layout's glyphs and nothing else, and
 * fontkit already shares its glyph objects between layouts. Letters repeat most of their words
 * and many of their lines (the letterhead, the salutation, the fixed paragraphs).
 */
export function keepingLayouts(face: Face): Face {
  const layout = face.layout.bind(face);
  const runs = new Map<string, ReturnType<Face['layout']>>();
  return Object.assign(face, {
    layout: (text: string, features?: Parameters<Face['layout']>[1]) => {
      if (features !== undefined) return layout(text, features);
      let run = runs.get(text);
      if (run) runs.delete(text);
      else {
        run = layout(text);
        if (runs.size >= LAYOUTS_KEPT) runs.delete(runs.keys().next().value!);
      }
      runs.set(text, run);
      return run;
    },
  });
}

/**
 * fontkit with each face parsed once per process: pdf-lib parses the font file again for every
 * document it embeds it in (a third of a letter's render). A parsed face is only read from (each
 * document makes its own subset), so one serves every letter, and keeps its layouts.
 */
const parsed = new WeakMap<Uint8Array, Face>();
export const parsedOnce: typeof fontkit = {
  create(bytes, postscriptName) {
    if (postscriptName !== undefined || !(bytes instanceof Uint8Array))
      return fontkit.create(bytes, postscriptName);
    const font = parsed.get(bytes) ?? keepingLayouts(fontkit.create(bytes));
    parsed.set(bytes, font);
    return font;
  },
};
