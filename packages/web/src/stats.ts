/** Sorting the statistics table: by any column, either way, unknown rates always last. */
import type { Schemas } from './api/client';

export type AgencyStats = Schemas['AgencyStatsReport']['items'][number];
export type StatsColumn =
  | 'agencyId'
  | 'assigned'
  | 'redirected'
  | 'withdrawn'
  | 'responded'
  | 'respondedOnTime'
  | 'completed'
  | 'responseRate'
  | 'onTimeRate'
  | 'acknowledgeOnTimeRate'
  | 'medianWorkingDaysToFirstResponse'
  | 'rank';

/**
 * Agencies in the order of the names people read (`nameOf`), not of their codes: `kanwil-bpn-ntt`
 * ("Kantor Wilayah…") before `atr-bpn` ("Kementerian…").
 */
export const byAgencyName =
  (nameOf: (id: string) => string) =>
  (x: { readonly agencyId: string }, y: { readonly agencyId: string }): number =>
    nameOf(x.agencyId).localeCompare(nameOf(y.agencyId), 'id');

/**
 * Where a row without a figure in the sorted column stands among the others without one: an
 * agency at the minimum sample left unranked (the only one to reach it), then those below it,
 * then those forwarded nothing in the period, which have no figure of any kind.
 */
const unknownTier = (s: AgencyStats) => (s.assigned === 0 ? 2 : s.belowMinimumSample ? 1 : 0);

/**
 * The rows by `column`; the agency column by name, ties by name, and unknown figures (no rate,
 * no rank) last, by `unknownTier` then name.
 */
export function sortStats(
  items: readonly AgencyStats[],
  column: StatsColumn,
  direction: 'ascending' | 'descending',
  nameOf: (id: string) => string,
): AgencyStats[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const byName = byAgencyName(nameOf);
  return [...items].sort((x, y) => {
    if (column === 'agencyId') return sign * byName(x, y);
    const a = x[column];
    const b = y[column];
    if (a === null && b === null) return unknownTier(x) - unknownTier(y) || byName(x, y);
    if (a === null) return 1;
    if (b === null) return -1;
    const order = a - b;
    return order === 0 ? byName(x, y) : sign * order;
  });
}
