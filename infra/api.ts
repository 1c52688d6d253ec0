import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Duration, RemovalPolicy, SecretValue, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { Auth } from './auth.ts';
import type { PantauTable } from './data.ts';
import { fontCopy, PantauFunction, SERVICE, entryPoint, sideBundle } from './function.ts';
import {
  COMPLAINT_ROUTES,
  PUBLIC_ROUTES,
  type PublicRoute,
  TRACKING_ROUTES,
} from '@pantau/api/public-routes';
import { KEPT } from './retain.ts';

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
  /**
   * After a rotation of the origin secret: the new value's version id. CloudFront's header
   * then names that version, so the distribution's template changes and CloudFormation resolves
   * the reference again (it resolves one only when it updates the resource); the API function
   * gets it as `ORIGIN_SECRET_VERSION`, a configuration change that renews its instances, each
   * reading the current value at cold start. Without it, the current version (the reference
   * as it was before any rotation).
   */
  readonly originSecretVersion?: string;
}

// A ceiling against runaway clients and surprise bills, far above the expected load
// (complaints arrive in the hundreds per hour); raise it together with the Lambda quota.
const THROTTLE = { rateLimit: 100, burstLimit: 200 } as const;

/**
 * Routes that answer without a token, each with the reason it may (also the cdk-nag
 * AwsSolutions-APIG4 acknowledgement): the app's own list, so the gateway and the app agree.
 * Everything else goes through the JWT authorizer, the old `/v1/track/{code}` paths included.
 */
export { COMPLAINT_ROUTES, PUBLIC_ROUTES, TRACKING_ROUTES };

/**
 * The ceiling of each route that takes a tracking code (`TRACKING_ROUTES`, from the app's
 * list), for all clients together (API Gateway throttles per route, not per client; the WAF
 * limits each client): far above complainants following their cases, far below the stage's
 * 100/s, so a flood of guesses costs little and leaves the officers' routes their share.
 */
export const TRACKING_THROTTLE = { rateLimit: 10, burstLimit: 20 } as const;

/**
 * The ceiling of each route of the public complaint form (`COMPLAINT_ROUTES`: the challenge and
 * the complaint), for all clients together. Complaints arrive in the hundreds per hour, about
 * one every ten seconds at the busiest: 5 a second sustained (18,000 an hour) with a burst of
 * 10 is far above any real form traffic, a complainant who gets a 429 retries, and a flood from
 * many addresses (each within the WAF's per-address limit) still leaves the stage's 100/s to the
 * officers' routes: all public routes together take at most 2 × 10 + 2 × 5 a second.
 */
export const COMPLAINT_THROTTLE = { rateLimit: 5, burstLimit: 10 } as const;

export interface RouteThrottle {
  readonly route: PublicRoute;
  readonly throttle: { readonly rateLimit: number; readonly burstLimit: number };
}

/**
 * The one list of the public routes throttled per route, each with its ceiling: the stage's
 * route settings are made from it, and the synth refuses a public route whose cdk-nag reason
 * says "per route" without an entry here (or an entry for a route the API does not have).
 */
export const ROUTE_THROTTLES: readonly RouteThrottle[] = [
  ...TRACKING_ROUTES.map((route) => ({ route, throttle: TRACKING_THROTTLE })),
  ...COMPLAINT_ROUTES.map((route) => ({ route, throttle: COMPLAINT_THROTTLE })),
];

const routeKey = (route: { readonly method: string; readonly path: string }): string =>
  `${route.method} ${route.path}`;

/** The HTTP API: one Lambda running the Hono app, behind a Cognito JWT authorizer. */
export class Api extends Construct {
  readonly handler: PantauFunction;
  readonly httpApi: apigw.HttpApi;
  readonly url: string;
  /**
   * The value CloudFront sends in ORIGIN_SECRET_HEADER and the function requires, for the
   * distribution (a CloudFormation dynamic reference: resolved at deploy time, never written in
   * the template). The function reads the same secret from Secrets Manager at cold start.
   */
  readonly originSecret: SecretValue;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const { auth } = props;
    // Generated by Secrets Manager when the stack is created; the template only names it.
    const originSecret = new secretsmanager.Secret(this, 'OriginSecret', {
      description: `${Stack.of(this).stackName}: the header value CloudFront adds for the API`,
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      // Nothing outlives the stack that needs it: a new deployment makes a new one.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(originSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Not rotated automatically: CloudFront gets it through a CloudFormation dynamic ' +
        'reference, resolved only when the stack updates the distribution, and the API ' +
        'function reads it at cold start, so a rotation Lambda would leave them disagreeing ' +
        '(every request a 403). It is only a shared marker proving a request came through ' +
        'CloudFront, not a user credential.',
    });
    this.originSecret = props.originSecretVersion
      ? SecretValue.secretsManager(originSecret.secretArn, {
          versionId: props.originSecretVersion,
        })
      : originSecret.secretValue;
    this.handler = new PantauFunction(this, 'Handler', {
      entry: entryPoint('api.ts'),
      description: 'Pantau HTTP API (Hono)',
      observed: { service: SERVICE.api, logLevel: props.logLevel },
      // The HTTP API waits 30 s for its integration; a request may use them (a spreadsheet
      // import of 500 rows, each its own transaction, an estimated 10 to 20 s in-region), where the
      // functions' 10 s would kill it half-written.
      timeout: Duration.seconds(29),
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
            // Issue 15: the PDF renderer as its own file beside the handler, with its font:
            // functions/api.ts imports it on the first PDF request, not at cold start.
            sideBundle('pdf-renderer.ts', output),
            ...fontCopy(output),
          ],
        },
      },
      environment: {
        JWT_ISSUER: auth.issuerUrl,
        JWT_AUDIENCE: auth.client.userPoolClientId,
        JWKS_URL: auth.jwksUrl,
        // Its ARN only: the function reads the value at cold start (functions/secrets.ts), so
        // reading the function's configuration does not reveal it.
        ORIGIN_SECRET_ARN: originSecret.secretArn,
        // Not read by the code: changed by a rotation, it replaces the running instances,
        // which keep the value they read at their cold start (infra/README.md).
        ...(props.originSecretVersion ? { ORIGIN_SECRET_VERSION: props.originSecretVersion } : {}),
      },
    });
    originSecret.grantRead(this.handler);
    props.table.grantReadWrite(this.handler);
    props.table.grantSearchKey(this.handler);

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
      // Who called what, and when: kept as an audit trail even if the stack goes (empty, and
      // deleted, when the first create rolls back).
      removalPolicy: KEPT,
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
            // No client address or user agent: a `POST /v1/complaints` line's time is the
            // case's receivedAt, so a year of them would tie an anonymous or hidden-identity
            // complaint (and its tracking replies) to an address. The WAF limits per address
            // without keeping it.
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
    // A map by route key, which CDK passes through as is: CloudFormation's property names.
    const routeSettings: Record<
      string,
      { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }
    > = {};
    const throttles = new Map(
      ROUTE_THROTTLES.map(({ route, throttle }) => [routeKey(route), throttle]),
    );
    for (const key of throttles.keys()) {
      // API Gateway refuses settings for a route key it does not have.
      if (!PUBLIC_ROUTES.some((route) => routeKey(route) === key))
        throw new Error(`ROUTE_THROTTLES names ${key}, which is not one of PUBLIC_ROUTES`);
    }
    for (const route of PUBLIC_ROUTES) {
      const [added] = this.httpApi.addRoutes({
        path: route.path,
        methods: [apigw.HttpMethod[route.method]],
        integration,
        authorizer: new apigw.HttpNoneAuthorizer(),
      });
      if (!added) continue;
      Validations.of(added).acknowledge({ id: 'AwsSolutions-APIG4', reason: route.reason });
      // The routes that take a tracking code, and the complaint form's, get their own, lower
      // ceilings, from the one list; the acknowledgement above promises it.
      const throttle = throttles.get(routeKey(route));
      if (!throttle) {
        if (/per route/i.test(route.reason))
          throw new Error(
            `${routeKey(route)} says it is throttled per route, but ROUTE_THROTTLES has no ` +
              'ceiling for it (infra/api.ts)',
          );
        continue;
      }
      routeSettings[routeKey(route)] = {
        ThrottlingRateLimit: throttle.rateLimit,
        ThrottlingBurstLimit: throttle.burstLimit,
      };
      // The stage's route settings name the route key, which must exist first.
      stage.node.addDependency(added);
    }
    (stage.node.defaultChild as apigw.CfnStage).routeSettings = routeSettings;
  }
}
