/**
 * An assignment's deadlines and ladder as the API answers them (`GET …/deadlines`), read once
 * per version for every part of a page that shows them.
 */
import { createContext, type ReactNode, useContext, useState } from 'react';
import { api, type Schemas, unwrap } from '../api/client';
import { type Loaded, useLoad } from '../data';

type DeadlinesRead = Promise<Schemas['Deadlines']>;
const SharedDeadlines = createContext<Map<string, DeadlinesRead> | null>(null);

/**
 * One read of an assignment's deadlines (per version) for every part of the page that shows
 * them: an agency's case page says its nearest deadline by the title, the deadlines and, below
 * its actions, the ladder, from the same answer.
 */
export function DeadlinesShared({ children }: { children: ReactNode }) {
  const [reads] = useState(() => new Map<string, DeadlinesRead>());
  return <SharedDeadlines.Provider value={reads}>{children}</SharedDeadlines.Provider>;
}

/** An assignment's deadlines and ladder, read again when its version changes. */
export function useDeadlines(
  caseId: string,
  agencyId: string,
  version: number,
): Loaded<Schemas['Deadlines']> {
  const reads = useContext(SharedDeadlines);
  return useLoad(() => {
    const read = () =>
      unwrap(
        api.GET('/v1/cases/{id}/assignments/{agencyId}/deadlines', {
          params: { path: { id: caseId, agencyId } },
        }),
      );
    if (!reads) return read();
    const key = `${caseId}/${agencyId}/${version}`;
    const known = reads.get(key);
    if (known) return known;
    const fresh = read();
    reads.set(key, fresh);
    // A failed read is not kept: the next one asks again.
    fresh.catch(() => reads.delete(key));
    return fresh;
  }, [caseId, agencyId, version]);
}
