import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { Auth } from './auth.ts';
import type { PantauTable } from './data.ts';
import { PantauFunction, entryPoint } from './function.ts';
import { PUBLIC_ROUTES } from '@pantau/api/public-routes';

/** Swagger UI's files (`swagger-ui-dist`), copied beside the API's bundle for `/docs`. */
const SWAGGER_UI_DIR = dirname(
  createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'),
);
const SWAGGER_UI_FILES = ['swagger-ui.css', 'swagger-ui-bundle.js'] as const;

export interface ApiProps {
  readonly table: PantauTable;
  readonly auth: Auth;
  /** Powertools log level of the API function (`LOG_LEVEL`). */
  readonly logLevel: string;
  /** Browser origins allowed to call the API across origins (none: no CORS configuration). */
  readonly allowedOrigins: readonly string[];
}

/**
 * Routes that answer without a token, each with the reason it may (also the cdk-nag
 * AwsSolutions-APIG4 acknowledgement): the app's own list, so the gateway and the app agree.
 * Everything else goes through the JWT authorizer, the old `/v1/track/{code}` paths included.
 */
export { PUBLIC_ROUTES };

// A ceiling against runaway clients and surprise bills, far above the expected load
// (complaints arrive in the hundreds per hour); raise it together with the Lambda quota.
const THROTTLE = { rateLimit: 100, burstLimit: 200 } as const;

/** The HTTP API: one Lambda running the Hono app, behind a Cognito JWT authorizer. */
export class Api extends Construct {
  readonly handler: PantauFunction;
  readonly httpApi: apigw.HttpApi;
  readonly url: string;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const { auth } = props;
    this.handler = new PantauFunction(this, 'Handler', {
      entry: entryPoint('api.ts'),
      description: 'Pantau HTTP API (Hono)',
      bundling: {
        // /docs serves Swagger UI from these files (functions/api.ts), not from a CDN.
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (_input: string, output: string) => [
            `mkdir -p "${output}/swagger-ui"`,
            ...SWAGGER_UI_FILES.map(
              (f) => `cp "${join(SWAGGER_UI_DIR, f)}" "${output}/swagger-ui/"`,
            ),
          ],
        },
      },
      environment: {
        JWT_ISSUER: auth.issuerUrl,
        JWT_AUDIENCE: auth.client.userPoolClientId,
        JWKS_URL: auth.jwksUrl,
        POWERTOOLS_SERVICE_NAME: 'pantau-api',
        LOG_LEVEL: props.logLevel,
      },
    });
    props.table.grantReadWrite(this.handler);

    // API Gateway rejects missing, expired or foreign tokens before the Lambda runs; the app
    // verifies the same token again (issuer, audience, JWKS) because it reads the tenant from it.
    const authorizer = new HttpJwtAuthorizer('CognitoAuthorizer', auth.issuerUrl, {
      jwtAudience: [auth.client.userPoolClientId],
    });
    this.httpApi = new apigw.HttpApi(this, 'HttpApi', {
      apiName: `${Stack.of(this).stackName}-api`,
      description: 'Pantau: complaints forwarded to government agencies',
      // Secure by default: a route added later without a thought gets the authorizer.
      defaultAuthorizer: authorizer,
      // Our own stage below, for access logs and throttling.
      createDefaultStage: false,
      // No CORS at all unless some console is served from another origin.
      ...(props.allowedOrigins.length > 0
        ? {
            corsPreflight: {
              allowOrigins: [...props.allowedOrigins],
              allowHeaders: ['authorization', 'content-type'],
              allowMethods: [apigw.CorsHttpMethod.ANY],
              maxAge: Duration.hours(1),
            },
          }
        : {}),
    });

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logs.RetentionDays.ONE_YEAR,
      // Who called what, and when: kept as an audit trail even if the stack goes.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const stage = new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: THROTTLE,
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            userAgent: '$context.identity.userAgent',
            method: '$context.httpMethod',
            // The route key (`POST /v1/track`, `ANY /{proxy+}`), never `$context.path`: a
            // path may carry a credential (the old `/v1/track/{code}` links did) and this
            // log is kept a year.
            routeKey: '$context.routeKey',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            sub: '$context.authorizer.claims.sub',
          }),
        ),
      },
    });
    this.url = stage.url;

    const integration = new HttpLambdaIntegration('Handler', this.handler);
    this.httpApi.addRoutes({ path: '/{proxy+}', methods: [apigw.HttpMethod.ANY], integration });
    for (const route of PUBLIC_ROUTES) {
      const [added] = this.httpApi.addRoutes({
        path: route.path,
        methods: [apigw.HttpMethod[route.method]],
        integration,
        authorizer: new apigw.HttpNoneAuthorizer(),
      });
      if (added)
        Validations.of(added).acknowledge({ id: 'AwsSolutions-APIG4', reason: route.reason });
    }
  }
}
