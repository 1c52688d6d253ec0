/**
 * A 409 `idempotency_key_reused` means the key's first request was received: it may have made
 * the case. The console's next "Kirim" draws a new key (a 4xx was an answer), so the sentence must
 * not send the person to send again, but to look for what was made first (audit s25 upgrade 2,
 * finding 3).
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { problemSentence } from '../components/ui';
import { translator } from './i18n';

const reused = new ApiError(409, {
  type: 'urn:pantau:problem:idempotency_key_reused',
  title: 'Conflict',
  status: 409,
  code: 'idempotency_key_reused',
  detail: 'this Idempotency-Key was used with a different request',
  requestId: 'r',
});

describe('a request whose key was used with other content', () => {
  it('says to look for what the first one saved before sending again (id)', () => {
    const sentence = problemSentence(translator('id'), reused);
    expect(sentence).toMatch(/mungkin sudah tersimpan/);
    expect(sentence).toMatch(/Periksa dulu/);
    expect(sentence).not.toMatch(/lalu kirim lagi/i);
  });

  it('says the same in English', () => {
    const sentence = problemSentence(translator('en'), reused);
    expect(sentence).toMatch(/may already be saved/);
    expect(sentence).not.toMatch(/then send it again/i);
  });
});
