/**
 * What central intervention proposes, given the case's open activities as read
 * (`proposedIntervention`): one clarification a case, none for an agency invited already. The
 * Tick's side of it (the read, the transaction, two agencies at once) is in
 * packages/workflow/src/tick.int.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { type ActivityRecord, MAX_ACTIVITY_AGENCIES } from '../activity.ts';
import { JOINED_PROPOSAL_PLAN, proposedIntervention } from './records.ts';

const NOW = new Date('2026-04-17T17:00:00.000Z');
const CASE = '01KCASE0000000000000000001';

const activity = (
  id: string,
  fields: Partial<ActivityRecord> & Pick<ActivityRecord, 'status' | 'agencyIds'>,
): ActivityRecord => ({
  id,
  caseId: CASE,
  kind: 'clarification',
  scheduledAt: null,
  participants: [],
  plan: null,
  heldAt: null,
  outcome: null,
  summary: null,
  createdBy: 'escalation',
  createdAt: '2026-04-01T03:00:00.000Z',
  updatedAt: '2026-04-01T03:00:00.000Z',
  version: 1,
  ...fields,
});

const step = (
  agencyId: string,
  activities: ActivityRecord[],
  extra: { delegatedTo?: string; proposalsWritten?: number } = {},
) =>
  proposedIntervention(
    { caseId: CASE, agencyId, ...(extra.delegatedTo ? { delegatedTo: extra.delegatedTo } : {}) },
    `Instansi ${agencyId}`,
    { targets: ['acknowledge', 'followUp'] },
    NOW,
    { activities, proposalsWritten: extra.proposalsWritten ?? activities.length },
  );

describe('central intervention’s proposal', () => {
  it('is a new one, under the case’s count of them, when none is open', () => {
    const { proposal, invitedTo } = step('pln', [], { proposalsWritten: 2 });
    expect(invitedTo).toBeUndefined();
    expect(proposal).toMatchObject({
      activity: {
        status: 'proposed',
        agencyIds: ['pln'],
        createdBy: 'escalation',
        plan: 'Diusulkan oleh tangga eskalasi: Instansi pln belum memenuhi 2 target.',
        version: 1,
      },
      event: { type: 'activity_proposed', agencyId: 'pln', data: { agencyIds: ['pln'] } },
      proposalsWritten: 2,
    });
    expect(proposal!.expectedVersion).toBeUndefined();
  });

  it('joins the oldest open ladder proposal, under its version, with an event of its own', () => {
    const older = activity('01KACT0000000000000000000B', {
      status: 'proposed',
      agencyIds: ['polri'],
      createdAt: '2026-04-10T03:00:00.000Z',
      version: 3,
    });
    const newer = activity('01KACT0000000000000000000A', {
      status: 'proposed',
      agencyIds: ['bpn'],
      createdAt: '2026-04-12T03:00:00.000Z',
    });
    const { proposal } = step('pln', [newer, older]);
    expect(proposal).toMatchObject({
      activity: {
        id: older.id,
        agencyIds: ['polri', 'pln'],
        plan: JOINED_PROPOSAL_PLAN,
        version: 4,
        updatedAt: NOW.toISOString(),
        createdAt: older.createdAt,
      },
      expectedVersion: 3,
      // The agency's own: it names no other agency.
      event: { agencyId: 'pln', data: { activityId: older.id, agencyIds: ['pln'] } },
    });
    expect(JOINED_PROPOSAL_PLAN).not.toContain('polri');
  });

  it('joins none central planned, and none already holding the most agencies one may', () => {
    const full = activity('01KACTFULL0000000000000001', {
      status: 'proposed',
      agencyIds: Array.from({ length: MAX_ACTIVITY_AGENCIES }, (_, i) => `a${i}`),
    });
    const centrals = activity('01KACTCENTRAL0000000000001', {
      status: 'planned',
      createdBy: 'officer-1',
      agencyIds: ['polri'],
    });
    const { proposal } = step('pln', [full, centrals]);
    expect(proposal!.expectedVersion).toBeUndefined();
    expect(proposal!.activity.agencyIds).toEqual(['pln']);
  });

  it('is none for an agency invited to an activity still to be held, checked as read', () => {
    const meeting = (scheduledAt: string | null, agencyIds = ['pln']) =>
      activity('01KACTMEETING0000000000001', {
        status: 'planned',
        kind: 'coordination',
        createdBy: 'officer-1',
        scheduledAt,
        agencyIds,
        version: 2,
      });
    for (const invited of [
      meeting('2026-04-24T02:00:00.000Z'),
      // Planned, its date still to be set.
      meeting(null),
      // Its own earlier proposal, still open: it is not added twice.
      activity('01KACTPROPOSED000000000001', { status: 'proposed', agencyIds: ['pln'] }),
    ])
      expect(step('pln', [invited])).toEqual({
        invitedTo: { caseId: CASE, id: invited.id, version: invited.version },
      });
    // The member unit holding its assignment is invited: the unit works the case for it.
    expect(
      step('kemendagri', [meeting('2026-04-24T02:00:00.000Z', ['pemkab'])], {
        delegatedTo: 'pemkab',
      }),
    ).toMatchObject({ invitedTo: { id: '01KACTMEETING0000000000001' } });
    // Held already (its date passed, not yet reported): a clarification is proposed.
    expect(step('pln', [meeting('2026-04-16T02:00:00.000Z')]).proposal).toBeDefined();
  });

  it('is a new one, as before, when the open activities were not read', () => {
    const written = proposedIntervention(
      { caseId: CASE, agencyId: 'pln' },
      'Instansi pln',
      { targets: ['acknowledge'] },
      NOW,
    );
    expect(written.proposal!.activity.agencyIds).toEqual(['pln']);
    expect(written.proposal).not.toHaveProperty('proposalsWritten');
  });
});
