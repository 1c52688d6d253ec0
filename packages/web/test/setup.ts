import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { forgetServerOffset } from '../src/server-clock';

// What a test waits for (`findBy…`, `waitFor`) it waits for up to 5 s, not the library's 1 s: on a
// busy 2-core machine (CI beside a build, or helpers' runs) a desk of 40 agencies rendered in
// 1.2 s failed a test that passes in 0.3 s idle. A test that passes waits no longer for it.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
  sessionStorage.clear();
  localStorage.clear();
  vi.unstubAllGlobals();
  // Each test is a page load of its own: the API's clock is asked again.
  forgetServerOffset();
});
