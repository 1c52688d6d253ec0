import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderWith } from '../../test/render';
import { AgencyAnswers } from './agency-answers';

const answer = (id: string, kind: string, message: string, at: string) => ({
  id,
  at,
  type: 'response_submitted',
  actor: { sub: 'u1', agency: 'polri', role: 'agency_officer' },
  agencyId: 'polri',
  data: { kind, message },
});

describe('an agency’s answers beside its assignment', () => {
  it('are read on demand, newest first, that agency’s answers only, in sentences', async () => {
    const calls = mockApi(() =>
      json(200, {
        items: [
          answer('E2', 'final', 'Anggota dijatuhi sanksi disiplin.', '2026-07-08T03:00:00.000Z'),
          answer('E1', 'progress', 'Sedang diperiksa Propam.', '2026-07-07T03:00:00.000Z'),
        ],
        nextCursor: null,
      }),
    );
    renderWith(
      <AgencyAnswers
        caseId="C1"
        agencyId="polri"
        agencyName="Kepolisian Negara Republik Indonesia"
        version={3}
        zone="Asia/Jakarta"
      />,
      { as: { agency: 'setneg', role: 'central_officer' } },
    );
    // Nothing read until asked: a case sent to sixty agencies makes no sixty requests.
    const timeline = () => calls.filter((c) => c.path.startsWith('/v1/cases/C1/timeline'));
    expect(timeline()).toHaveLength(0);
    await userEvent.click(screen.getByText('Jawaban Kepolisian Negara Republik Indonesia'));
    expect(await screen.findByText('Anggota dijatuhi sanksi disiplin.')).toBeTruthy();
    expect(screen.getByText('Tindak lanjut akhir')).toBeTruthy();
    expect(screen.getByText('Perkembangan')).toBeTruthy();
    expect(timeline()).toHaveLength(1);
    const asked = new URL(timeline()[0]!.path, 'http://x');
    expect(Object.fromEntries(asked.searchParams)).toMatchObject({
      agencyId: 'polri',
      type: 'response_submitted',
      order: 'newest',
    });
  });

  it('says when the agency has not answered yet', async () => {
    mockApi(() => json(200, { items: [], nextCursor: null }));
    renderWith(
      <AgencyAnswers caseId="C1" agencyId="pln" agencyName="PLN" version={1} zone="Asia/Jakarta" />,
      { as: { agency: 'setneg', role: 'central_officer' } },
    );
    await userEvent.click(screen.getByText('Jawaban PLN'));
    expect(await screen.findByText('Belum ada jawaban dari instansi ini.')).toBeTruthy();
  });
});
