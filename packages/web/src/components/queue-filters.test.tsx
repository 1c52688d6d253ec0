import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWith } from '../../test/render';
import {
  filtersFromUrl,
  filtersToUrl,
  NO_FILTERS,
  QueueFilters,
  type QueueFilterState,
  queueQuery,
  URL_DEFAULTS,
} from './queue-filters';

describe('queueQuery', () => {
  it('sends only what is chosen; own scope by default', () => {
    expect(queueQuery(NO_FILTERS, true)).toEqual({ scope: 'own' });
    expect(queueQuery({ ...NO_FILTERS, state: 'pending' }, false)).toEqual({
      state: 'pending',
      scope: 'own',
    });
  });

  it('an overdue target implies overdue; overdue-only alone is overdue', () => {
    expect(queueQuery({ ...NO_FILTERS, target: 'followUp' }, false)).toEqual({
      target: 'followUp',
      overdue: 'true',
      scope: 'own',
    });
    expect(queueQuery({ ...NO_FILTERS, overdueOnly: true }, false)).toEqual({
      overdue: 'true',
      scope: 'own',
    });
  });

  it('ended assignments only with "All": a chosen state is that state alone', () => {
    expect(queueQuery({ ...NO_FILTERS, ended: true }, false)).toEqual({
      scope: 'own',
      ended: 'true',
    });
    expect(queueQuery({ ...NO_FILTERS, ended: true, state: 'pending' }, false)).toEqual({
      state: 'pending',
      scope: 'own',
    });
  });

  it('the filters survive the URL both ways; what the URL cannot mean is dropped', () => {
    const chosen: QueueFilterState = {
      state: 'acknowledged',
      target: 'followUp',
      overdueOnly: true,
      members: true,
      ended: false,
      delegatedTo: 'polda-bali',
    };
    expect(filtersFromUrl(filtersToUrl(chosen))).toEqual(chosen);
    expect(filtersToUrl(NO_FILTERS)).toEqual(URL_DEFAULTS);
    expect(
      filtersFromUrl({
        ...URL_DEFAULTS,
        state: 'hacked',
        target: '<script>',
        ended: '1',
        delegatedTo: '../x',
      }),
    ).toEqual({ ...NO_FILTERS, ended: true });
  });

  it('member units only for a focal point coordinator', () => {
    expect(queueQuery({ ...NO_FILTERS, members: true }, true).scope).toBe('members');
    expect(queueQuery({ ...NO_FILTERS, members: true }, false).scope).toBe('own');
  });

  it('held by a unit (or none) only for a focal point coordinator, of its own queue', () => {
    expect(queueQuery({ ...NO_FILTERS, members: true, delegatedTo: 'none' }, true)).toEqual({
      scope: 'own',
      delegatedTo: 'none',
    });
    expect(queueQuery({ ...NO_FILTERS, delegatedTo: 'polda-bali' }, false)).toEqual({
      scope: 'own',
    });
  });
});

function Harness({ canSeeMembers, seen }: { canSeeMembers: boolean; seen: QueueFilterState[] }) {
  const [value, setValue] = useState(NO_FILTERS);
  return (
    <QueueFilters
      value={value}
      canSeeMembers={canSeeMembers}
      onChange={(next) => {
        seen.push(next);
        setValue(next);
      }}
    />
  );
}

describe('QueueFilters', () => {
  it('every control is labelled; choosing a target ticks and locks "overdue only"', async () => {
    const seen: QueueFilterState[] = [];
    renderWith(<Harness canSeeMembers={false} seen={seen} />);
    await userEvent.selectOptions(screen.getByLabelText('Status penugasan'), 'acknowledged');
    await userEvent.selectOptions(screen.getByLabelText('Lewat tenggat pada'), 'followUp');
    const overdue = screen.getByLabelText<HTMLInputElement>('Hanya yang lewat tenggat');
    expect(overdue.checked).toBe(true);
    expect(overdue.disabled).toBe(true);
    expect(seen.at(-1)).toEqual({ ...NO_FILTERS, state: 'acknowledged', target: 'followUp' });
    expect(screen.queryByLabelText('Termasuk unit anggota')).toBeNull();
  });

  it('a coordinator can include member units, with the keyboard alone', async () => {
    const seen: QueueFilterState[] = [];
    renderWith(<Harness canSeeMembers seen={seen} />);
    const members = screen.getByLabelText('Termasuk unit anggota');
    members.focus();
    await userEvent.keyboard(' ');
    expect(seen.at(-1)?.members).toBe(true);
  });

  describe('on a phone (at most 600 px wide)', () => {
    const phone = (matches: boolean) =>
      vi.stubGlobal(
        'matchMedia',
        (query: string) =>
          ({
            matches,
            media: query,
            addEventListener: () => {},
            removeEventListener: () => {},
          }) as unknown as MediaQueryList,
      );
    afterEach(() => {
      vi.unstubAllGlobals();
    });

    it('folds the filters under "Saring", a click away (the rows stood below five fields)', async () => {
      phone(true);
      renderWith(<Harness canSeeMembers={false} seen={[]} />);
      const fold = screen.getByText('Saring', { selector: 'summary' }).closest('details')!;
      expect(fold.open).toBe(false);
      await userEvent.click(screen.getByText('Saring', { selector: 'summary' }));
      expect(fold.open).toBe(true);
    });

    it('opens it where a filter is in force, and says how many are', () => {
      phone(true);
      renderWith(
        <QueueFilters
          value={{ ...NO_FILTERS, state: 'pending', overdueOnly: true }}
          canSeeMembers={false}
          onChange={() => {}}
        />,
      );
      const summary = screen.getByText('Saring (2 aktif)', { selector: 'summary' });
      expect(summary.closest('details')!.open).toBe(true);
    });
  });
});
