import type { Tracer } from '@aws-lambda-powertools/tracer';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { sdkOptions } from './aws-clients.ts';

/**
 * The secrets a function needs (the search index's HMAC key, the origin secret), read from
 * Secrets Manager once per cold start, together (the caller awaits them at module scope): never
 * in the environment, where whoever may read the function's configuration would see them. The
 * environment holds only their ARNs, and the function's role may read those secrets alone.
 */
export async function readSecrets<Name extends string>(
  tracer: Tracer,
  arns: Record<Name, string>,
): Promise<Record<Name, string>> {
  const secrets = tracer.captureAWSv3Client(new SecretsManagerClient(sdkOptions));
  const values = await Promise.all(
    Object.entries<string>(arns).map(async ([name, arn]) => {
      const { SecretString } = await secrets.send(new GetSecretValueCommand({ SecretId: arn }));
      if (!SecretString) throw new Error(`the ${name} secret has no value`);
      return [name, SecretString] as const;
    }),
  );
  return Object.fromEntries(values) as Record<Name, string>;
}
