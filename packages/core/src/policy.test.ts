import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POLICY,
  LADDER_ACTIONS,
  LADDER_PARTIES,
  POLICY_FIELD_DEFAULTS,
  type StoredPolicy,
  storedPolicy,
} from './policy.ts';
import { SlaPolicySchema } from './schemas/policy.ts';

const days = fc.integer({ min: 0, max: 250 });
const parties = fc.uniqueArray(fc.constantFrom(...LADDER_PARTIES), { maxLength: 4 });

/** A ladder the contract accepts: warnings before a deadline, then rungs climbing from it. */
const ladder = fc
  .tuple(
    fc.array(fc.integer({ min: -20, max: -1 }), { maxLength: 3 }),
    fc.integer({ min: 0, max: 60 }),
    fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 6 }),
  )
  .chain(([warnings, first, later]) => {
    const shapes = [
      ...warnings.map((o) => ({ relativeTo: 'due' as const, offsetWorkingDays: o, warn: true })),
      { relativeTo: 'due' as const, offsetWorkingDays: first, warn: false },
      ...later.map((o) => ({ relativeTo: 'previous' as const, offsetWorkingDays: o, warn: false })),
    ];
    return fc.tuple(
      ...shapes.map((step, i) =>
        fc.record(
          {
            name: fc.constant(`step_${i}`),
            offsetWorkingDays: fc.constant(step.offsetWorkingDays),
            relativeTo: fc.constant(step.relativeTo),
            action: step.warn
              ? fc.constant('warning' as const)
              : fc.constantFrom(...LADDER_ACTIONS.filter((a) => a !== 'warning')),
            recipients: parties.filter((p) => p.length > 0),
            cc: parties,
          },
          // A step stored before copies existed has no `cc`.
          { requiredKeys: ['name', 'offsetWorkingDays', 'relativeTo', 'action', 'recipients'] },
        ),
      ),
    );
  });

/** A policy as the table may hold it: written through the contract, some fields from before. */
const stored = fc.record(
  {
    id: fc.constantFrom('default', 'kementerian', 'p-2026'),
    verificationWorkingDays: days,
    acknowledgeWorkingDays: days,
    followUpWorkingDays: days,
    resolutionWorkingDays: fc.record({ light: days, normative: days, examination: days }),
    replyWindowWorkingDays: days,
    calendarId: fc.constantFrom('id', 'id-2026'),
    legalLimitCalendarDays: fc.integer({ min: 1, max: 365 }),
    ladder,
    reforwardClock: fc.constantFrom('fresh' as const, 'inherit' as const),
    minimumSample: fc.integer({ min: 1, max: 1000 }),
    version: fc.integer({ min: 0, max: 10_000 }),
    updatedAt: fc.option(fc.constant('2026-03-16T03:00:00.000Z'), { nil: null }),
  },
  {
    requiredKeys: [
      'id',
      'verificationWorkingDays',
      'acknowledgeWorkingDays',
      'followUpWorkingDays',
      'resolutionWorkingDays',
      'replyWindowWorkingDays',
      'calendarId',
    ],
  },
);

describe('a stored policy, read without zod', () => {
  it("reads as the contract's schema parses it, whatever fields it was stored without", () => {
    fc.assert(
      fc.property(stored, (policy) => {
        const record = policy as StoredPolicy;
        expect(storedPolicy(record)).toEqual(SlaPolicySchema.parse(record));
      }),
      { numRuns: 500 },
    );
  });

  it('reads a policy stored before ladders, copies and versions existed with the defaults', () => {
    const {
      ladder: _ladder,
      legalLimitCalendarDays: _limit,
      reforwardClock: _clock,
      minimumSample: _sample,
      version: _version,
      updatedAt: _updated,
      ...oldest
    } = DEFAULT_POLICY;
    expect(storedPolicy(oldest)).toEqual({ ...DEFAULT_POLICY, ...POLICY_FIELD_DEFAULTS });
    expect(storedPolicy(oldest).ladder[0]!.cc).toEqual([]);
  });

  it('keeps only the policy’s own fields, not what else the item carries', () => {
    const item = { ...DEFAULT_POLICY, entity: 'policy', ttl: 1 } as StoredPolicy;
    expect(Object.keys(storedPolicy(item)).sort()).toEqual(Object.keys(DEFAULT_POLICY).sort());
    expect(SlaPolicySchema.parse(storedPolicy(item))).toEqual(DEFAULT_POLICY);
  });
});
