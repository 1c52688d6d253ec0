import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { api, unwrap } from './api/client';
import { usePaged } from './data';
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
});
