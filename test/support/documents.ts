/** Attachments over HTTP as the console uploads them: start, POST the form, complete. */
import { expect } from 'vitest';
import type { Api, ApiResponse, Json } from './runtime.ts';

/** A minimal real PDF (file-type knows it by its `%PDF-` header). */
export const SMALL_PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

/** POSTs `bytes` to a presigned upload form (S3's shape: the fields, then `file`) from `http`'s origin. */
export async function postForm(http: Api, upload: Json, bytes: Uint8Array, name = 'file.pdf') {
  const form = new FormData();
  for (const [k, v] of Object.entries(upload.fields as Record<string, string>)) form.append(k, v);
  form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), name);
  return http.fetch(upload.url, { method: 'POST', body: form });
}

/** Starts, uploads and completes an attachment; the completion's answer. */
export async function attach(
  http: Api,
  token: string,
  caseId: string,
  body: Record<string, unknown>,
  bytes: Uint8Array = SMALL_PDF,
): Promise<ApiResponse> {
  const started = await http.post(
    `/v1/cases/${caseId}/attachments`,
    { size: bytes.byteLength, ...body },
    { token },
  );
  expect(started.status, started.text).toBe(201);
  const posted = await postForm(http, started.body.upload, bytes, String(body.name));
  expect(posted.status, await posted.clone().text()).toBe(204);
  return http.post(
    `/v1/cases/${caseId}/attachments/${started.body.attachment.id}/complete`,
    {},
    { token },
  );
}

/** The forwarding letter written to `agencyId` on a case (the ladder's first tick writes it). */
export async function forwardingLetter(http: Api, token: string, caseId: string, agencyId: string) {
  // A plain loop, not expect.poll: fixtures call this from beforeAll too.
  for (let attempt = 0; attempt < 150; attempt += 1) {
    const res = await http.get(`/v1/notifications?caseId=${caseId}&limit=100`, { token });
    const found = (res.body.items as Json[]).find(
      (n) => n.action === 'forwarding' && n.agencyId === agencyId,
    );
    if (found) return found;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`no forwarding letter to ${agencyId} on case ${caseId}`);
}
