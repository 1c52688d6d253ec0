/**
 * What the console needs to know about where it runs, read once from `/config.json`: the
 * embedded runtime answers `{ auth: { kind: "local" } }`; on AWS the deployment writes the
 * Cognito issuer, app client and hosted sign-in domain (infra/web.ts).
 */
export type AuthConfig =
  | { readonly kind: 'local' }
  | {
      readonly kind: 'cognito';
      readonly authority: string;
      readonly clientId: string;
      readonly domain?: string;
      readonly redirectUri: string;
      readonly logoutUri: string;
    };

export interface ConsoleConfig {
  readonly auth: AuthConfig;
}

export async function loadConfig(): Promise<ConsoleConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`/config.json: HTTP ${response.status}`);
  return (await response.json()) as ConsoleConfig;
}
