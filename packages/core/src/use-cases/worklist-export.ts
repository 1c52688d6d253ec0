/**
 * Central's worklist as a file to send to agencies: the list the console shows, as filtered,
 * every page of it, one row per assignment (`worklist-sheet.ts`).
 */
import { DEFAULT_TIME_ZONE, type TimeZone } from '../calendar.ts';
import { DomainError, invalidInput } from '../errors.ts';
import type { SheetCell, SheetNotes } from '../report-sheets.ts';
import type { WorklistExportFilter } from '../schemas.ts';
import type { Principal } from '../tenancy.ts';
import {
  WORKLIST_SHEET_COLUMNS,
  worklistFileName,
  worklistNotes,
  worklistSheetRow,
} from '../worklist-sheet.ts';
import { worklist } from './assignment-reads.ts';
import { CENTRAL_ROLES, requireRole, type ServiceDeps } from './kernel/index.ts';

/** The assignments one read of the export asks for: a worklist page, the most it gives. */
export const WORKLIST_EXPORT_PAGE = 100;

/**
 * The reads (worklist pages of `WORKLIST_EXPORT_PAGE`) one worklist export may make: 5,000
 * assignments, each page a Query and a batch read of their ladders and cases (some 3–8 s in
 * all), within API Gateway's 29 s. The open worklist of the whole unit holds a few thousand;
 * the desk's overdue card reads 2,000 at most.
 */
export const MAX_WORKLIST_EXPORT_READS = 50;

/**
 * The worklist export's refusal (422 `limit_exceeded`), whatever bound it passed (the reads
 * here, the file's bytes in the API): `detail` says which. Nothing is sent.
 */
export const worklistTooLong = (detail: string): DomainError =>
  new DomainError(
    'limit_exceeded',
    `${detail}: filter the list (one agency, one state, overdue on one target) and export each`,
  );

export interface WorklistExport {
  /**
   * The file's name without its extension: its agency, its list and the day
   * (`penugasan-lewat-tenggat-baru-2026-12-04`; `worklistFileName`).
   */
  readonly name: string;
  readonly columns: readonly string[];
  readonly notes: SheetNotes;
  /** The rows, page by page, read as they are asked for (`worklistTooLong` past the budget). */
  readonly pages: AsyncGenerator<SheetCell[][]>;
}

/**
 * Central's worklist as filtered (`filter`: the worklist's own filters), as the rows of its
 * file, in the worklist's order (soonest next deadline first), agencies by name, each row's times
 * in its own agency's zone (named beside them); as of when, in the reader's (WIB for central).
 * An unknown `agencyId` is a 400, not an empty file that would read as "nothing overdue". At
 * most `deps.exportReads` (`MAX_WORKLIST_EXPORT_READS`) reads: a longer list is refused, never
 * cut short.
 */
export async function worklistExport(
  deps: ServiceDeps,
  p: Principal,
  filter: WorklistExportFilter,
): Promise<WorklistExport> {
  requireRole(p, CENTRAL_ROLES);
  const { names, zones } = await agencyDirectory(deps);
  if (filter.agencyId && !names.has(filter.agencyId))
    throw invalidInput('agencyId', 'no such agency');
  const zone = zones.get(p.agency) ?? DEFAULT_TIME_ZONE;
  const now = deps.clock();
  const budget = deps.exportReads ?? MAX_WORKLIST_EXPORT_READS;
  async function* pages(): AsyncGenerator<SheetCell[][]> {
    let cursor: string | undefined;
    for (let reads = 1; ; reads += 1) {
      const page = await worklist(deps, p, {
        ...filter,
        limit: WORKLIST_EXPORT_PAGE,
        ...(cursor ? { cursor } : {}),
      });
      yield page.items.map((a) => worklistSheetRow(a, names));
      cursor = page.nextCursor ?? undefined;
      if (!cursor) return;
      if (reads >= budget)
        throw worklistTooLong(
          `the worklist as filtered holds more assignments than one export reads in time ` +
            `(${(budget * WORKLIST_EXPORT_PAGE).toLocaleString('en')})`,
        );
    }
  }
  return {
    name: worklistFileName(filter, now, zone),
    columns: WORKLIST_SHEET_COLUMNS,
    notes: worklistNotes({
      filter,
      agency: filter.agencyId ? names.get(filter.agencyId) : undefined,
      at: now,
      zone,
    }),
    pages: pages(),
  };
}

/** Every agency's name and zone by id, 100 a read (there can be hundreds). */
async function agencyDirectory(
  deps: ServiceDeps,
): Promise<{ names: Map<string, string>; zones: Map<string, TimeZone> }> {
  const names = new Map<string, string>();
  const zones = new Map<string, TimeZone>();
  let cursor: string | undefined;
  do {
    const page = await deps.store.listAgencies({ limit: 100, cursor });
    for (const a of page.items) {
      names.set(a.id, a.name);
      zones.set(a.id, a.timeZone);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { names, zones };
}
