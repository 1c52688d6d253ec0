/** Agencies' names by id, for the lists that show which agency or member unit holds what. */
import { allPages, api, unwrap } from './api/client';
import { useLoad } from './data';

/** Every agency the user may list (central: all; an agency: itself and its member units). */
export function useAgencies() {
  return useLoad(
    () =>
      allPages((cursor) =>
        unwrap(
          api.GET('/v1/agencies', {
            params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } },
          }),
        ),
      ),
    [],
  );
}

export function useAgencyNames(): ReadonlyMap<string, string> {
  const agencies = useAgencies();
  return new Map((agencies.data ?? []).map((a) => [a.id, a.name]));
}
