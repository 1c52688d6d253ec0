import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { api, unwrap } from './api/client';
import { allItems, firstItems, usePaged } from './data';
import { json, mockApi, renderWith } from '../test/render';

function Register() {
  const list = usePaged(
    (cursor) =>
      unwrap(
        api.GET('/v1/cases', {
          params: { query: { agencyId: 'polri', ...(cursor ? { cursor } : {}) } },
        }),
      ),
    [],
  );
  return list.loading ? <p>…</p> : <p>{list.items.map((c) => c.subject).join(', ') || 'none'}</p>;
}

describe('paged lists', () => {
  it('asks on past pages the API ended empty (its read budget), so a person sees the matches', async () => {
    const pages: Record<string, unknown> = {
      '': { items: [], nextCursor: 'c1' },
      c1: { items: [], nextCursor: 'c2' },
      c2: { items: [{ subject: 'Pungutan liar' }], nextCursor: null },
    };
    const calls = mockApi((call) => {
      const cursor = new URL(call.path, 'http://x').searchParams.get('cursor') ?? '';
      return json(200, pages[cursor]);
    });
    renderWith(<Register />, { as: { agency: 'setneg', role: 'central_officer' } });
    await screen.findByText('Pungutan liar');
    // (The first page may be asked twice: React's strict mode mounts effects twice in tests.)
    const cursors = calls.map((c) => new URL(c.path, 'http://x').searchParams.get('cursor'));
    expect(cursors.slice(-2)).toEqual(['c1', 'c2']);
  });

  it('reads a list’s first items across short pages (a case’s first 100 events for an agency)', async () => {
    // 250 events, of which the agency may read every third: pages of what the budget let through.
    const pages = new Map<string | undefined, { items: number[]; nextCursor: string | null }>();
    for (let p = 0; p < 10; p += 1)
      pages.set(p === 0 ? undefined : `c${p}`, {
        items: Array.from({ length: 25 }, (_, i) => p * 25 + i).filter((n) => n % 3 === 0),
        nextCursor: p < 9 ? `c${p + 1}` : null,
      });
    const asked: (string | undefined)[] = [];
    const page = async (cursor: string | undefined) => {
      asked.push(cursor);
      return pages.get(cursor)!;
    };
    const first = await firstItems(page, 20);
    expect(first).toEqual(Array.from({ length: 20 }, (_, i) => i * 3));
    expect(asked).toEqual([undefined, 'c1', 'c2']);
    expect(await firstItems(page, 1_000)).toHaveLength(84); // the whole list, then it stops
    expect(await allItems(page)).toHaveLength(84);
  });
});
