/**
 * Baseline data every deployment needs, written idempotently: the central tenant, the
 * Indonesian holiday calendar (per year, once: a day an admin later removes does not come
 * back), and the default SLA policy. Never overwrites what is there, with one exception: the
 * default policy's ladder, while no admin has edited it, follows the default's recipients.
 * A year of holidays a new release brings moves the open deadlines that ran into it, as an
 * admin's calendar edit does: in a re-arming job, recorded with the year (`seedCalendar`). Data
 * an older release stored is brought up to date in the upgrade job (`seedUpgrade`).
 */
import {
  CENTRAL_TENANT,
  DEFAULT_LADDER,
  DEFAULT_POLICY,
  FINISHED_JOB_STATES,
  INDONESIAN_HOLIDAYS,
  type Agency,
  dayVersion,
  type LadderStep,
  newEventId,
  newJob,
  type Principal,
  type RearmJobRecord,
  scopeKey,
  UPGRADE_VERSION,
  type WorkingCalendar,
  WriteConflict,
} from '@pantau/core';
import { isDeepStrictEqual } from 'node:util';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoStore } from './dynamo-store.ts';
import { calendarDayItem } from './items.ts';
import { keys } from './keys.ts';

export const CENTRAL_AGENCY = (now: Date): Agency => ({
  id: CENTRAL_TENANT,
  name: 'Kementerian Sekretariat Negara — Asisten Deputi Pengaduan Masyarakat',
  kind: 'ministry',
  focalPointId: null,
  timeZone: 'Asia/Jakarta',
  contacts: [
    {
      name: 'Asdep Pengaduan Masyarakat',
      email: 'dumas@setneg.go.id',
      role: 'central',
      kind: 'liaison',
    },
  ],
  createdAt: now.toISOString(),
  updatedAt: now.toISOString(),
  version: 1,
});

/**
 * Who the seed's re-arming jobs are requested by (central's admin, as a calendar edit's): the
 * timeline events of the deadlines they move name it.
 */
export const SEED_PRINCIPAL: Principal = {
  sub: 'pantau-seed',
  agency: CENTRAL_TENANT,
  role: 'central_admin',
};

/** What a seed leaves to its caller. */
export interface SeedOutcome {
  /**
   * The holiday calendar's re-arming job to start (the seed Lambda starts it; embedded, the
   * runtime's start resumes it), or null: see `seedCalendar`.
   */
  readonly rearmJobId: string | null;
  /**
   * The upgrade job to start (the seed Lambda starts it; embedded, the runtime's start resumes
   * it), or null: the table's data is at this release's version. See `seedUpgrade`.
   */
  readonly upgradeJobId: string | null;
}

/** The baseline records; `holidays`: the calendar this release brings (tests give their own). */
export async function seedBaseline(
  store: DynamoStore,
  now: Date,
  holidays: WorkingCalendar = INDONESIAN_HOLIDAYS,
): Promise<SeedOutcome> {
  await createIfAbsent(store, {
    ...keys.agency(CENTRAL_TENANT),
    entity: 'agency',
    ...CENTRAL_AGENCY(now),
  });
  const created = await createIfAbsent(store, {
    ...keys.policy(DEFAULT_POLICY.id),
    entity: 'policy',
    ...DEFAULT_POLICY,
  });
  // Created around the store's methods: a process that kept "no policy" reads it again.
  if (created) await store.settingsWrittenAround();
  else await upgradeDefaultLadder(store);
  const rearmJobId = await seedCalendar(store, holidays, now);
  return { rearmJobId, upgradeJobId: await seedUpgrade(store, now) };
}

/**
 * The upgrade of what older releases stored, on every deploy and embedded start that needs it:
 * none when the table's marker says `UPGRADE_VERSION` was completed (a second run writes
 * nothing), nor on a table holding no case (a new one: its marker is written now).
 * Else the upgrade's latest job while it is under way for this version (a deploy rolled back
 * before its start got through, a stop: starting it resumes it), or a new one, recorded. Its
 * last task writes the marker, once every case was done.
 */
export async function seedUpgrade(store: DynamoStore, now: Date): Promise<string | null> {
  if ((await store.upgradedVersion()) >= UPGRADE_VERSION) return null;
  if ((await store.listCases({}, { limit: 1 })).items.length === 0) {
    await store.markUpgraded(UPGRADE_VERSION, null, now);
    return null;
  }
  const scope = { kind: 'upgrade' as const, version: UPGRADE_VERSION };
  const latest = await store.latestJobId(scopeKey(scope));
  const pending = latest === undefined ? undefined : await store.getJob(latest);
  if (
    pending &&
    !FINISHED_JOB_STATES.includes(pending.state) &&
    pending.scope.kind === 'upgrade' &&
    pending.scope.version === UPGRADE_VERSION
  )
    return pending.id;
  const job = newJob(
    newEventId(now),
    scope,
    { source: 'seed', version: UPGRADE_VERSION },
    SEED_PRINCIPAL,
    now,
  );
  await store.createJob(job);
  return job.id;
}

/** The default ladder as seeded before contacts had kinds: central intervention copied only the agency. */
export const LADDER_BEFORE_CONTACT_KINDS: readonly LadderStep[] = DEFAULT_LADDER.map((step) =>
  step.action === 'central_intervention' ? { ...step, cc: ['agency'] } : step,
);

/**
 * A default policy seeded before contacts had kinds, and never edited by an admin since
 * (`updatedAt` null), gets today's default ladder: central intervention now copies the agency's
 * head too. Timings are unchanged, so no deadline moves and no ladder needs re-arming. A policy
 * an admin saved is theirs and is left alone.
 */
async function upgradeDefaultLadder(store: DynamoStore): Promise<void> {
  const stored = await store.getPolicy(DEFAULT_POLICY.id);
  if (!stored || stored.updatedAt !== null) return;
  if (!isDeepStrictEqual(stored.ladder, LADDER_BEFORE_CONTACT_KINDS)) return;
  try {
    await store.putPolicy(
      { ...stored, ladder: DEFAULT_LADDER, version: stored.version + 1 },
      stored.version,
    );
  } catch (error) {
    // An admin saved it meanwhile: theirs wins.
    if (!(error instanceof WriteConflict)) throw error;
  }
}

/**
 * Writes each year of a calendar once: its days, then its year marker, which declares it
 * complete (a crash before the marker re-seeds the year). The last marker is written with a
 * calendar re-arming job, in one transaction, as an admin's `putCalendarYear` is: the open
 * assignments whose deadlines ran into a year just declared were counted on weekends only, and
 * the job moves them (and the cases' own deadlines) by its holidays. One job per run: it reads
 * the calendar as it is when it gets there. None for a calendar that did not exist (nothing is
 * on it yet), nor when every year was there (a second run writes nothing).
 *
 * Answers the job to start: the one just recorded, else the calendar's latest job while it is
 * unfinished, so that a run whose start did not get through (a deploy rolled back) is started
 * by the next one (starting a job started already starts nothing); null when there is none.
 */
export async function seedCalendar(
  store: DynamoStore,
  calendar: WorkingCalendar,
  now: Date,
): Promise<string | null> {
  const existing = await store.getCalendar(calendar.id);
  const missing = calendar.years.filter((year) => !existing?.years.includes(year));
  const scope = { kind: 'calendar' as const, calendarId: calendar.id };
  const job: RearmJobRecord | undefined =
    existing && missing.length > 0
      ? newJob(
          newEventId(now),
          scope,
          { calendarId: calendar.id, source: 'seed', years: missing.join(', ') },
          SEED_PRINCIPAL,
          now,
        )
      : undefined;
  // A day an admin entered in a year not yet seeded is replaced one version on, as an edit
  // would: a page that read theirs cannot then save over the seed's unseen.
  const held = new Map(existing?.days.map((d) => [d.date, dayVersion(d)]));
  for (const [i, year] of missing.entries()) {
    await store.batchWrite(
      calendar.days
        .filter((d) => d.date.startsWith(`${year}-`))
        .map((d) => {
          const version = held.get(d.date);
          const day = version === undefined ? d : { ...d, version: version + 1 };
          return { PutRequest: { Item: calendarDayItem(calendar.id, day) } };
        }),
    );
    // The marker bumps the settings' version, after its days: the engine's kept calendar is
    // dropped, and reads it with them.
    await store.putCalendarYear(calendar.id, year, i === missing.length - 1 ? job : undefined);
  }
  if (job) return job.id;
  const latest = await store.latestJobId(scopeKey(scope));
  const pending = latest === undefined ? undefined : await store.getJob(latest);
  return pending && !FINISHED_JOB_STATES.includes(pending.state) ? pending.id : null;
}

export async function createIfAbsent(
  store: DynamoStore,
  item: Record<string, unknown>,
): Promise<boolean> {
  try {
    await store.client.send(
      new PutCommand({
        TableName: store.tableName,
        Item: item,
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}
