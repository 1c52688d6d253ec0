/**
 * A monitoring activity's timeline events in words (audit "activities"): a case conference with
 * several agencies names them (its event belongs to no one agency, so nothing else on the line
 * says who takes part), and a new date says the one it replaces, as the event records it.
 */
import { describe, expect, it } from 'vitest';
import type { Schemas } from './api/client';
import { translator } from './i18n/i18n';
import { describeEvent } from './timeline';

const names: Record<string, string> = {
  polri: 'Kepolisian Negara RI',
  'pemkot-jayapura': 'Pemerintah Kota Jayapura',
};
const described = (type: string, data: Record<string, unknown>, agencyId: string | null) =>
  describeEvent(
    {
      id: '01JAAAAAAAAAAAAAAAAAAAAAAA',
      at: '2026-03-16T03:00:00.000Z',
      type,
      actor: { sub: 'o1', agency: 'setneg', role: 'central_officer' },
      agencyId,
      data,
    } as Schemas['TimelineEvent'],
    translator('id'),
    (id) => names[id] ?? '(tidak dikenal)',
    (iso) => `<${iso.slice(0, 16)}>`,
  );
const both = { agencyIds: ['polri', 'pemkot-jayapura'] };

describe('activity events on the timeline', () => {
  it('name the agencies of an activity held with several', () => {
    const line = described(
      'activity_planned',
      { kind: 'case_conference', scheduledAt: '2026-03-25T03:00:00.000Z', ...both },
      null,
    ).join(' · ');
    expect(line).toContain('Kepolisian Negara RI');
    expect(line).toContain('Pemerintah Kota Jayapura');
  });

  it('say the date a rescheduled activity had before', () => {
    const line = described(
      'activity_scheduled',
      {
        kind: 'case_conference',
        scheduledAt: '2026-03-27T03:00:00.000Z',
        previous: '2026-03-25T03:00:00.000Z',
        ...both,
      },
      null,
    ).join(' · ');
    expect(line).toContain('<2026-03-27T03:00>');
    expect(line).toContain('sebelumnya <2026-03-25T03:00>');
  });

  it('leave the one agency to the line that names it already, and an old event as it was', () => {
    expect(
      described(
        'activity_planned',
        { kind: 'clarification', scheduledAt: null, agencyIds: ['polri'] },
        'polri',
      ),
    ).toEqual(['Klarifikasi']);
    // Written before events named their agencies, or a proposal taken up (no date before).
    expect(
      described(
        'activity_scheduled',
        { kind: 'clarification', scheduledAt: '2026-03-27T03:00:00.000Z', previous: null },
        'polri',
      ),
    ).toEqual(['Klarifikasi', '<2026-03-27T03:00>']);
  });
});
