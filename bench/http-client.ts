/**
 * The benchmarks' HTTP client: `node:http` with keep-alive, the stack the AWS SDK's raw calls
 * go through (its `NodeHttpHandler`), so that the API side is not charged for a different
 * client. Undici's `fetch` cost about 0.4 ms more a request on this machine (issue 17, P1).
 */
import { Agent, request } from 'node:http';

export interface Reply {
  readonly status: number;
  text(): Promise<string>;
  json(): Promise<unknown>;
}

const agent = new Agent({ keepAlive: true });

export function send(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: init.method ?? 'GET', headers: init.headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            text: () => Promise.resolve(text),
            json: () => Promise.resolve(JSON.parse(text) as unknown),
          });
        });
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}
