import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { forgetServerOffset } from '../src/server-clock';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
  localStorage.clear();
  vi.unstubAllGlobals();
  // Each test is a page load of its own: the API's clock is asked again.
  forgetServerOffset();
});
