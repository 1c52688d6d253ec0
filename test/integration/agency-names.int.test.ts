/**
 * An agency's name is how every picker, filter and letter tells it apart (the console searches
 * agencies by name): a second agency under a name already registered, or renamed to one, is
 * refused at its name field (audit of an admin's day: two "Kantor Wilayah BPN Provinsi Jawa
 * Timur" rows, one of them NTT's).
 */
import { AGENCY_ID_TAKEN, AGENCY_NAME_TAKEN, DomainError, Service, type Store } from '@pantau/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addAgencies, centralAdmin, freshStore, manualClock } from '../support/dynamodb.ts';

const clock = manualClock('2026-04-13T02:00:00.000Z');
let store: Store;
let service: Service;

beforeAll(async () => {
  store = await freshStore();
  service = new Service({ store, clock: clock.now });
  await addAgencies(service, [{ id: 'kanwil-jatim' }]);
}, 60_000);

const refusedAtName = async (attempt: Promise<unknown>) => {
  const error = await attempt.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe('validation_failed');
  expect((error as DomainError).errors).toEqual([{ path: 'name', message: AGENCY_NAME_TAKEN }]);
};

const newAgency = (id: string, name: string) =>
  service.createAgency(centralAdmin, {
    id,
    name,
    kind: 'agency',
    contacts: [{ name: 'Liaison', email: `liaison@${id}.example.go.id` }],
  });

describe('an agency’s name', () => {
  it('is refused for a new agency when another has it, however it is spaced or cased', async () => {
    await refusedAtName(newAgency('kanwil-ntt', 'Agency kanwil-jatim'));
    await refusedAtName(newAgency('kanwil-ntt', '  agency   KANWIL-JATIM '));
    await expect(store.getAgency('kanwil-ntt')).resolves.toBeUndefined();
    await expect(newAgency('kanwil-ntt', 'Agency kanwil-ntt')).resolves.toMatchObject({
      version: 1,
    });
  });

  it('is refused for a rename to another agency’s name; its own name, recased, still goes', async () => {
    await refusedAtName(
      service.updateAgency(centralAdmin, 'kanwil-ntt', { name: 'Agency kanwil-jatim', version: 1 }),
    );
    expect((await store.getAgency('kanwil-ntt'))?.name).toBe('Agency kanwil-ntt');
    const renamed = await service.updateAgency(centralAdmin, 'kanwil-ntt', {
      name: 'Agency Kanwil-NTT',
      version: 1,
    });
    expect(renamed.name).toBe('Agency Kanwil-NTT');
  });
});

/** Settled outcomes: exactly one went through, the other refused at its name field. */
const oneWonOneRefusedAtName = async (outcomes: PromiseSettledResult<unknown>[]) => {
  expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
  const lost = outcomes.find((o) => o.status === 'rejected')!;
  await refusedAtName(Promise.reject(lost.reason));
};

describe('an agency’s name, given by two admins at the same moment', () => {
  it('goes to one of two new agencies, the other refused at its name', async () => {
    // Different codes, the name spaced and cased apart: one agency all the same.
    for (let round = 0; round < 5; round += 1) {
      const outcomes = await Promise.allSettled([
        newAgency(`kanwil-a${round}`, `Kantor Wilayah Serentak ${round}`),
        newAgency(`kanwil-b${round}`, `  kantor   wilayah SERENTAK ${round} `),
      ]);
      await oneWonOneRefusedAtName(outcomes);
      const stored = await Promise.all([
        store.getAgency(`kanwil-a${round}`),
        store.getAgency(`kanwil-b${round}`),
      ]);
      expect(stored.filter(Boolean)).toHaveLength(1);
    }
  });

  it('goes to a new agency or to one renamed into it, never both', async () => {
    await newAgency('kanwil-rename', 'Kantor Lama');
    for (let round = 0; round < 5; round += 1) {
      const { version } = (await store.getAgency('kanwil-rename'))!;
      const outcomes = await Promise.allSettled([
        newAgency(`kanwil-new${round}`, `Kantor Rebutan ${round}`),
        service.updateAgency(centralAdmin, 'kanwil-rename', {
          name: `KANTOR rebutan ${round}`,
          version,
        }),
      ]);
      await oneWonOneRefusedAtName(outcomes);
    }
  });

  it('is free again once its agency is renamed: a third agency can take it', async () => {
    await newAgency('kanwil-first', 'Kantor Berpindah');
    await refusedAtName(newAgency('kanwil-third', 'kantor berpindah'));
    await service.updateAgency(centralAdmin, 'kanwil-first', { name: 'Kantor Sudah Pindah' });
    await expect(newAgency('kanwil-third', 'Kantor  Berpindah')).resolves.toMatchObject({
      version: 1,
    });
    // The new name is held as any other: neither taken again, nor by a rename.
    await refusedAtName(newAgency('kanwil-fourth', 'kantor sudah pindah'));
    await refusedAtName(
      service.updateAgency(centralAdmin, 'kanwil-third', { name: 'Kantor Sudah Pindah' }),
    );
  });
});

describe('an agency’s code', () => {
  it('taken by another agency is a 409 that names the `id` field, so the form says it there', async () => {
    const error = await newAgency('kanwil-jatim', 'Kantor Wilayah Baru').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('already_exists');
    expect((error as DomainError).errors).toEqual([{ path: 'id', message: AGENCY_ID_TAKEN }]);
    expect((await store.getAgency('kanwil-jatim'))?.name).toBe('Agency kanwil-jatim');
  });
});
