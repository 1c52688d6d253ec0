/**
 * Settings every registration and forward reads (the SLA policy, its holiday calendar, the
 * document settings), kept per process for a few seconds: they change a few times a year and
 * were two to three of a hot request's five calls.
 *
 * Staleness is bounded: an edit made through this store clears the cache once it is written
 * (so this process never answers from the old value after its own edit), and an edit made
 * elsewhere (another Lambda instance) is seen within the TTL. A deadline computed in that
 * window on the previous calendar is the race a read-then-write already had without a cache
 * (read the calendar, the edit lands, commit), only wider; ../README.md "Settings cache" says so.
 *
 * The escalation engine may not answer from an old calendar for even a few seconds (a calendar
 * edit re-arms ladders whose next ticks must compute on the new one), so it keeps settings by
 * version instead (`at`): every edit bumps the settings' version item in its own transaction,
 * the engine reads that item consistently with each step's case and ladder (one batch read), and
 * a value kept for that version or a newer one is as fresh as the table; older ones are read
 * again, consistently, and kept under the version read.
 */
/** What the API's composition roots give (`settingsTtlMs`): a few seconds. */
export const API_SETTINGS_TTL_MS = 5_000;

export class SettingsCache {
  private readonly entries = new Map<
    string,
    { readonly at: number; readonly value: Promise<unknown> }
  >();

  /** Kept by settings version (`at`), whatever the TTL. */
  private readonly versioned = new Map<
    string,
    { readonly version: number; readonly value: Promise<unknown> }
  >();

  /** 0 turns the cache off: every read goes to the table. */
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(ttlMs: number, now: () => number = () => performance.now()) {
    this.ttlMs = ttlMs;
    this.now = now;
  }

  /**
   * The value under `key`, read by `load` when absent or older than the TTL; with `version`
   * (a settings version read consistently), kept while no newer version is asked for.
   */
  get<T>(
    key: string,
    load: () => Promise<T | undefined>,
    version?: number,
  ): Promise<T | undefined> {
    if (version !== undefined) return this.getAt(key, version, load);
    if (this.ttlMs <= 0) return load();
    const at = this.now();
    const hit = this.entries.get(key);
    if (hit && at - hit.at < this.ttlMs) return hit.value as Promise<T | undefined>;
    return keep(this.entries, key, { at, value: load() }) as Promise<T | undefined>;
  }

  private getAt<T>(
    key: string,
    version: number,
    load: () => Promise<T | undefined>,
  ): Promise<T | undefined> {
    const hit = this.versioned.get(key);
    // Read after a version at least as new as the one asked for: nothing newer was edited.
    if (hit && hit.version >= version) return hit.value as Promise<T | undefined>;
    return keep(this.versioned, key, { version, value: load() }) as Promise<T | undefined>;
  }

  /** After an edit is written: every later read goes to the table. */
  clear(): void {
    this.entries.clear();
    this.versioned.clear();
  }
}

/**
 * Keeps a read under `key`: the promise, not the value, so concurrent requests share one read.
 * An absent record is kept like a present one (document settings no admin saved yet, in most
 * deployments: a read on every registration otherwise); creating it is an edit, seen as soon as
 * any other (the cache is cleared, the version bumped). A failed read is not kept: the next
 * request asks again.
 */
function keep<E extends { readonly value: Promise<unknown> }>(
  map: Map<string, E>,
  key: string,
  entry: E,
): Promise<unknown> {
  map.set(key, entry);
  entry.value.catch(() => {
    if (map.get(key) === entry) map.delete(key);
  });
  return entry.value;
}
