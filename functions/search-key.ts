import type { Tracer } from '@aws-lambda-powertools/tracer';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { sdkOptions } from './aws-clients.ts';

/**
 * The search index's HMAC key, read once per cold start (the caller awaits it at module
 * scope): never in the environment, where whoever may read the function's configuration would
 * see it. Every function that writes a case (the API, the e-mail intake) needs it, since a new
 * case is indexed in its own transaction.
 */
export async function readSearchKey(tracer: Tracer, secretArn: string): Promise<string> {
  const secrets = tracer.captureAWSv3Client(new SecretsManagerClient(sdkOptions));
  const { SecretString } = await secrets.send(new GetSecretValueCommand({ SecretId: secretArn }));
  if (!SecretString) throw new Error('the search key secret has no value');
  return SecretString;
}
