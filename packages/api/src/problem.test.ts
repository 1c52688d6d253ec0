import { DomainError, ERROR_CODES, limitExceeded, notFound } from '@pantau/core';
import { describe, expect, it } from 'vitest';
import { toProblem } from './problem.ts';

describe('the one error mapping', () => {
  it('answers a limit that was reached with 422 limit_exceeded, its detail naming the limit', () => {
    const problem = toProblem(
      new DomainError('limit_exceeded', "an assignment's clock can be paused at most 50 times"),
      'req-1',
    );
    expect(problem).toMatchObject({
      status: 422,
      title: 'Unprocessable Content',
      code: 'limit_exceeded',
      type: 'urn:pantau:problem:limit_exceeded',
      detail: "an assignment's clock can be paused at most 50 times",
      unexpected: false,
    });
  });

  it('names which limit was reached, for the console to say it in a sentence of its own', () => {
    const problem = toProblem(limitExceeded('paused at most 50 times', 'pauses'), 'req-1');
    expect(problem).toMatchObject({ status: 422, code: 'limit_exceeded', limit: 'pauses' });
    expect(toProblem(limitExceeded('too large'), 'req-1')).not.toHaveProperty('limit');
  });

  it('names the focal point on the 404 of a case taken back from a member unit, and on no other', () => {
    const problem = toProblem(notFound('case c1', 'atr-bpn'), 'r');
    expect(problem).toMatchObject({ status: 404, code: 'not_found', takenBackBy: 'atr-bpn' });
    expect(toProblem(notFound('case c1'), 'r')).not.toHaveProperty('takenBackBy');
  });

  it('answers a download the malware scan has not finished with 409 scan_pending and a Retry-After', () => {
    const problem = toProblem(new DomainError('scan_pending', 'the scan has not finished'), 'r');
    expect(problem).toMatchObject({ status: 409, code: 'scan_pending', retryAfterSeconds: 60 });
  });

  it('answers a file the malware scan refused with 422 scan_refused, and no Retry-After', () => {
    const problem = toProblem(new DomainError('scan_refused', 'infected'), 'r');
    expect(problem).toMatchObject({
      status: 422,
      title: 'Unprocessable Content',
      code: 'scan_refused',
    });
    expect(problem).not.toHaveProperty('retryAfterSeconds');
  });

  it('answers a create-only PUT (If-None-Match: *) whose target exists with 412 precondition_failed (RFC 9110)', () => {
    const problem = toProblem(new DomainError('precondition_failed', 'exists already'), 'r');
    expect(problem).toMatchObject({
      status: 412,
      title: 'Precondition Failed',
      code: 'precondition_failed',
    });
  });

  it.each(ERROR_CODES)('maps %s to a 4xx or 503 with a title', (code) => {
    const problem = toProblem(new DomainError(code, 'x'), 'req-1');
    expect(problem.status === 503 || (problem.status >= 400 && problem.status < 500)).toBe(true);
    expect(problem.title).not.toBe('Error');
  });
});
