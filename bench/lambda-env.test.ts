import { afterEach, describe, expect, it, vi } from 'vitest';
import * as config from '../functions/config.ts';
import { lambdaEnv } from './lambda-env.ts';

const readers = Object.entries(config).flatMap(([name, read]) =>
  name.startsWith('read') && typeof read === 'function' ? [[name, read] as const] : [],
);

describe("the cold-start benchmark's environment", () => {
  afterEach(() => vi.unstubAllEnvs());

  it.each(readers)('satisfies %s', (_, read) => {
    for (const [name, value] of Object.entries(lambdaEnv('http://127.0.0.1:1')))
      vi.stubEnv(name, value);
    expect(() => read()).not.toThrow();
  });
});
