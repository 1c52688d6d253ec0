import { ROLES } from '@pantau/core';
import { describe, expect, it } from 'vitest';
import { DEMO_AGENCIES } from './demo-agencies.ts';
import { DEMO_USERS } from './dev-routes.ts';

describe('the demo users the sign-in page offers', () => {
  const agencies = ['setneg', ...DEMO_AGENCIES.map((a) => a.id)];

  it('are two people in every demo agency, each with a name of their own', () => {
    for (const agency of agencies) {
      expect(DEMO_USERS.filter((u) => u.agency === agency)).toHaveLength(2);
    }
    expect(new Set(DEMO_USERS.map((u) => u.name)).size).toBe(DEMO_USERS.length);
  });

  it('read as people: no agency id or role code in a name (the console header shows it)', () => {
    for (const { name } of DEMO_USERS) {
      for (const code of [...agencies, ...ROLES]) {
        expect(name.toLowerCase().split(/\s+/), name).not.toContain(code);
      }
      expect(name).toMatch(/^\p{Lu}\p{Ll}+( \p{Lu}\p{Ll}+)+$/u);
    }
  });
});
