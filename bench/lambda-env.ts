/**
 * The environment the cold-start benchmark gives every function: what the stack sets
 * (infra/function.ts), with stand-in names and ARNs. `bench/lambda-env.test.ts` parses it with
 * every function's config reader, so a variable a function starts to require fails a test
 * instead of the next benchmark run (REARM_STATE_MACHINE_ARN once did).
 */
export const lambdaEnv = (secretsManagerEndpoint: string): Record<string, string> => ({
  // What the stack sets on every function (infra/function.ts): source maps cost at load too.
  NODE_OPTIONS: '--enable-source-maps',
  AWS_REGION: 'ap-southeast-3',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_ENDPOINT_URL_SECRETS_MANAGER: secretsManagerEndpoint,
  TABLE_NAME: 'pantau',
  JWT_ISSUER: 'https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_example',
  JWT_AUDIENCE: 'client',
  JWKS_URL:
    'https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_example/.well-known/jwks.json',
  STATE_MACHINE_ARN: 'arn:aws:states:ap-southeast-3:123456789012:stateMachine:Pantau-ladder',
  REARM_STATE_MACHINE_ARN: 'arn:aws:states:ap-southeast-3:123456789012:stateMachine:Pantau-rearm',
  SEARCH_KEY_SECRET_ARN: 'arn:aws:secretsmanager:ap-southeast-3:123456789012:secret:search-key',
  // A stand-in of the value Secrets Manager generates (48 characters) for CloudFront's header.
  ORIGIN_SECRET: 'o'.repeat(48),
  ATTACHMENTS_BUCKET: 'pantau-attachments',
  INBOX_BUCKET: 'pantau-inbox',
  MAIL_FROM: 'pantau@example.go.id',
  POWERTOOLS_SERVICE_NAME: 'pantau-api',
  POWERTOOLS_METRICS_NAMESPACE: 'Pantau',
  LOG_LEVEL: 'SILENT',
});
