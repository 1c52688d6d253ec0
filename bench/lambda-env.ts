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
  // CloudFront's header value, read from Secrets Manager at cold start like the search key.
  ORIGIN_SECRET_ARN: 'arn:aws:secretsmanager:ap-southeast-3:123456789012:secret:origin-secret',
  ATTACHMENTS_BUCKET: 'pantau-attachments',
  INBOX_BUCKET: 'pantau-inbox',
  MAIL_FROM: 'pantau@example.go.id',
  POWERTOOLS_SERVICE_NAME: 'pantau-api',
  POWERTOOLS_METRICS_NAMESPACE: 'Pantau',
  LOG_LEVEL: 'SILENT',
});

/** An API Gateway HTTP API (payload 2.0) request, as the Lambda adapter receives it. */
export const httpApiEvent = (
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
) => ({
  version: '2.0',
  routeKey: '$default',
  rawPath: path,
  rawQueryString: '',
  headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  isBase64Encoded: false,
  requestContext: {
    http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.1', userAgent: 'bench' },
    requestId: 'r-1',
    stage: '$default',
    domainName: 'api.example',
    accountId: '123456789012',
    apiId: 'api',
    routeKey: '$default',
    time: '',
    timeEpoch: 0,
  },
});

/**
 * ES module source that imports a bundled handler and invokes it with each event in turn, as
 * Lambda does in one execution environment, leaving each answer's `statusCode` and `body` in
 * `responses`.
 */
export const invokeSource = (handlerUrl: string, events: readonly unknown[]): string => `
  const { handler } = await import(${JSON.stringify(handlerUrl)});
  const context = { functionName: 'api', functionVersion: '1', awsRequestId: 'r-1',
    invokedFunctionArn: 'arn:aws:lambda:ap-southeast-3:123456789012:function:api',
    memoryLimitInMB: '1024', getRemainingTimeInMillis: () => 10_000 };
  const responses = [];
  for (const event of ${JSON.stringify(events)}) {
    const { statusCode, body } = await handler(event, context);
    responses.push({ statusCode, body });
  }
`;
