import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../api/client';
import type { Paged } from '../../data';
import { renderWith } from '../../../test/render';
import { Timeline } from './timeline';

const step = (at: string, datedOn?: string): Schemas['TimelineEvent'] => ({
  id: `e-${at}`,
  at,
  type: 'escalation_step',
  actor: { system: 'escalation' },
  agencyId: 'bulog',
  data: {
    step: 'formal_warning',
    action: 'formal_warning',
    targets: ['followUp'],
    ...(datedOn ? { datedOn } : {}),
  },
});

const paged = (items: Schemas['TimelineEvent'][]): Paged<Schemas['TimelineEvent']> => ({
  items,
  error: null,
  loading: false,
  hasMore: false,
  total: undefined,
  loadMore: () => undefined,
  reload: () => undefined,
  arrived: () => undefined,
});

describe('a ladder step on the timeline', () => {
  it('taken at 00:00 on a Saturday says the Monday its letter is dated, as the ladder does', () => {
    // Saturday 11 April 2026, 00:00 WIB: the penegasan is dated Monday 13 April.
    const { container } = renderWith(
      <Timeline
        events={paged([step('2026-04-10T17:00:00.000Z', '2026-04-13')])}
        zone="Asia/Jakarta"
        zoneOf={() => 'Asia/Jakarta'}
      />,
    );
    expect(container.querySelector('li')!.textContent).toContain(
      'suratnya bertanggal Sen, 13 Apr 2026',
    );
  });

  it('in the agency’s zone: 00:00 WIT on a Monday is that Monday’s letter, said once', () => {
    // Monday 13 April 2026, 00:00 WIT is Sunday 22:00 WIB: dated the Monday, in Jayapura.
    const { container } = renderWith(
      <Timeline
        events={paged([
          step('2026-04-12T15:00:00.000Z', '2026-04-13'),
          step('2026-04-13T01:00:00.000Z'),
        ])}
        zone="Asia/Jakarta"
        zoneOf={() => 'Asia/Jayapura'}
      />,
    );
    expect(container.textContent).not.toContain('bertanggal');
  });
});
