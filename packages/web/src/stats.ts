/** Sorting the statistics table: by any column, either way, unknown rates always last. */
import type { Schemas } from './api/client';

export type AgencyStats = Schemas['AgencyStatsReport']['items'][number];
export type StatsColumn =
  | 'agencyId'
  | 'assigned'
  | 'responded'
  | 'respondedOnTime'
  | 'completed'
  | 'responseRate'
  | 'onTimeRate'
  | 'medianWorkingDaysToFirstResponse';

export function sortStats(
  items: readonly AgencyStats[],
  column: StatsColumn,
  direction: 'ascending' | 'descending',
): AgencyStats[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...items].sort((x, y) => {
    const a = x[column];
    const b = y[column];
    if (a === null && b === null) return x.agencyId.localeCompare(y.agencyId);
    if (a === null) return 1;
    if (b === null) return -1;
    const order = typeof a === 'string' ? a.localeCompare(b as string) : a - (b as number);
    return order === 0 ? x.agencyId.localeCompare(y.agencyId) : sign * order;
  });
}
