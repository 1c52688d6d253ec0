/**
 * What the stylesheet promises people who cannot see or tap well, checked from its own rules
 * (audit s24: F6 and the checkbox size): a focus ring of at least 3:1 against every surface it
 * is drawn on (WCAG 2.2 1.4.11), and the queue's checkboxes the 24 px the README says.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('./styles.css', import.meta.url), 'utf8').replace(
  /\/\*[\s\S]*?\*\//g,
  '',
);

/** Every rule's selectors and declarations (an `@media` block's opening taken away first). */
function rules(text: string): { selectors: string[]; decls: Record<string, string> }[] {
  const found: { selectors: string[]; decls: Record<string, string> }[] = [];
  const re = /([^{}]+)\{([^{}]*)\}/g;
  for (const [, head, body] of text.matchAll(re)) {
    const selectors = head!
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const decls = Object.fromEntries(
      body!
        .split(';')
        .map((d) => d.split(':'))
        .filter((d) => d.length >= 2)
        .map(([k, ...v]) => [k!.trim(), v.join(':').trim()]),
    );
    found.push({ selectors, decls });
  }
  return found;
}

const all = rules(css.replace(/@media[^{]*\{/g, ''));
const rootVars = Object.fromEntries(
  all
    .filter((r) => r.selectors.includes(':root'))
    .flatMap((r) => Object.entries(r.decls).filter(([k]) => k.startsWith('--'))),
);
/** A colour with `var(--x)` resolved. */
const resolve = (value: string): string =>
  value.replace(/var\((--[\w-]+)\)/g, (_, name: string) => resolve(rootVars[name] ?? name));
const declOf = (selector: string, property: string): string => {
  const rule = all.findLast((r) => r.selectors.includes(selector) && property in r.decls);
  if (!rule) throw new Error(`no ${property} for ${selector}`);
  return resolve(rule.decls[property]!);
};
const hexIn = (value: string): string => {
  const hex = /#[0-9a-f]{6}\b|#[0-9a-f]{3}\b/i.exec(value)?.[0];
  if (!hex) throw new Error(`no colour in ${value}`);
  return hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join('')}` : hex;
};

/** WCAG 2.x contrast ratio of two sRGB colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** The light surfaces a focused control sits on: cards and inputs, the page, alert boxes. */
const surfaces = () => ({
  card: hexIn(declOf(':root', '--card')),
  page: hexIn(declOf(':root', '--bg')),
  alert: hexIn(declOf('.alert', 'background')),
  'alert-error': hexIn(declOf('.alert-error', 'background')),
});

describe('the focus ring', () => {
  it('has 3:1 or more against every light surface, and a halo parting it from a control of its own colour', () => {
    const ring = hexIn(declOf(':focus-visible', 'outline'));
    const ratios = Object.fromEntries(
      Object.entries(surfaces()).map(([name, bg]) => [name, contrast(ring, bg)]),
    );
    for (const [name, ratio] of Object.entries(ratios))
      expect(ratio, `${ring} on ${name}`).toBeGreaterThanOrEqual(3);
    // A primary button is the ring's blue: the white halo between them keeps the ring apart.
    const halo = hexIn(declOf(':focus-visible', 'box-shadow'));
    expect(contrast(ring, halo)).toBeGreaterThanOrEqual(3);
  });

  it('stays amber on the dark header (and the skip link shown over it), where amber contrasts', () => {
    const header = hexIn(declOf('header.top', 'background'));
    for (const selector of ['header.top :focus-visible', '.skip:focus-visible']) {
      const ring = hexIn(declOf(selector, 'outline-color'));
      expect(contrast(ring, header), selector).toBeGreaterThanOrEqual(3);
    }
  });

  it('is as strong where a rule of its own draws it (the error summary, an action’s result)', () => {
    for (const selector of ['.form-feedback:focus-visible .alert', '.action-result:focus']) {
      const ring = hexIn(declOf(selector, 'outline'));
      for (const [name, bg] of Object.entries(surfaces()))
        expect(contrast(ring, bg), `${selector} on ${name}`).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('checkboxes', () => {
  it('are 24 px everywhere: no rule makes the queue’s smaller', () => {
    expect(declOf("input[type='checkbox']", 'width')).toBe('24px');
    expect(declOf("input[type='checkbox']", 'height')).toBe('24px');
    const smaller = all.filter(
      (r) =>
        r.selectors.some((s) => /\binput\b/.test(s) && !/type=/.test(s) && /\.select\b/.test(s)) &&
        ('width' in r.decls || 'height' in r.decls),
    );
    expect(smaller.map((r) => r.selectors.join(', '))).toEqual([]);
  });
});

describe('an agenda number', () => {
  it('is kept on one line (.nowrap): a number like 2/DUMAS/XII/2026 broke at a slash', () => {
    expect(declOf('.nowrap', 'white-space')).toBe('nowrap');
  });
});
