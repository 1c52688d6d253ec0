import { App, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_ROUTES } from '../../infra/api.ts';
import { PantauStack } from '../../infra/pantau-stack.ts';

type Resource = { Type: string; Properties?: Record<string, unknown> };
type Statement = { Action: string | string[]; Resource: unknown };
type Join = { 'Fn::Join': [string, unknown[]] };

// The feature flags of cdk.json, so the test synthesizes what `cdk synth` does.
const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context: Record<string, unknown>;
};

let stack: PantauStack;
let template: Template;
let resources: Record<string, Resource>;

const ofType = (type: string): [string, Resource][] =>
  Object.entries(resources).filter(([, resource]) => resource.Type === type);

const apiFunction = (): Resource => {
  const found = ofType('AWS::Lambda::Function').find(
    ([, fn]) =>
      (fn.Properties?.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables
        ?.POWERTOOLS_SERVICE_NAME === 'pantau-api',
  );
  if (!found) throw new Error('no API function in the template');
  return found[1];
};

/** Every statement of every inline and standalone IAM policy in the template. */
const statements = (): Statement[] =>
  Object.values(resources).flatMap((resource) => {
    const documents =
      resource.Type === 'AWS::IAM::Policy'
        ? [resource.Properties?.PolicyDocument]
        : resource.Type === 'AWS::IAM::Role'
          ? (
              (resource.Properties?.Policies as { PolicyDocument: unknown }[] | undefined) ?? []
            ).map((policy) => policy.PolicyDocument)
          : [];
    return documents.flatMap((doc) => (doc as { Statement: Statement[] }).Statement);
  });

const actionsOf = (statement: Statement): string[] =>
  Array.isArray(statement.Action) ? statement.Action : [statement.Action];

beforeAll(() => {
  const app = new App({ context: cdkJson.context });
  stack = new PantauStack(app, 'PantauTest', {
    callbackUrls: ['http://localhost:5173/auth/callback'],
    logoutUrls: ['http://localhost:5173/'],
    logLevel: 'INFO',
  });
  // One synthesis for the file (it bundles both functions with esbuild).
  template = Template.fromStack(stack);
  resources = template.toJSON().Resources as Record<string, Resource>;
}, 120_000);

describe('table', () => {
  it('has the store keys and indexes, on demand, recoverable, protected, encrypted, retained', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    const gsi = (name: string) => ({
      IndexName: name,
      KeySchema: [
        { AttributeName: `${name}pk`, KeyType: 'HASH' },
        { AttributeName: `${name}sk`, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    });
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        AttributeDefinitions: ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'].map((name) => ({
          AttributeName: name,
          AttributeType: 'S',
        })),
        GlobalSecondaryIndexes: [gsi('gsi1'), gsi('gsi2')],
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        SSESpecification: { SSEEnabled: true },
      }),
    });
  });
});

describe('user pool', () => {
  it('has the custom attributes agency and role, and no self sign-up', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'agency', AttributeDataType: 'String', Mutable: true }),
        Match.objectLike({ Name: 'role', AttributeDataType: 'String', Mutable: true }),
      ]),
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
    });
  });

  it('gives the console a public code-flow client that cannot write agency or role', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      CallbackURLs: ['http://localhost:5173/auth/callback'],
      ReadAttributes: Match.arrayWith(['custom:agency', 'custom:role']),
      // An explicit list: an absent one would let users write every attribute.
      WriteAttributes: ['name'],
    });
  });
});

describe('http api', () => {
  it('guards ANY /{proxy+} with the Cognito JWT authorizer and leaves only the public routes open', () => {
    const authorizers = ofType('AWS::ApiGatewayV2::Authorizer');
    expect(authorizers).toHaveLength(1);
    const [authorizerId, authorizer] = authorizers[0]!;
    expect(authorizer.Properties).toMatchObject({
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Audience: [{ Ref: expect.stringMatching(/ConsoleClient/) }] },
    });
    expect(JSON.stringify(authorizer.Properties?.JwtConfiguration)).toContain('cognito-idp.');

    const routes = new Map(
      ofType('AWS::ApiGatewayV2::Route').map(([, route]) => [
        route.Properties?.RouteKey as string,
        route.Properties,
      ]),
    );
    expect(routes.get('ANY /{proxy+}')).toMatchObject({
      AuthorizationType: 'JWT',
      AuthorizerId: { Ref: authorizerId },
    });
    const publicKeys = PUBLIC_ROUTES.map((route) => `${route.method} ${route.path}`);
    expect(publicKeys).toEqual([
      'GET /health',
      'GET /openapi.json',
      'GET /docs',
      'GET /v1/track/{trackingCode}',
    ]);
    for (const key of publicKeys) {
      expect(routes.get(key), key).toMatchObject({ AuthorizationType: 'NONE' });
      expect(routes.get(key), key).not.toHaveProperty('AuthorizerId');
    }
    expect([...routes.keys()].sort()).toEqual([...publicKeys, 'ANY /{proxy+}'].sort());
  });

  it('logs access to a log group with retention and throttles the default stage', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 },
      AccessLogSettings: {
        DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('AccessLogs'), 'Arn'] },
        Format: Match.stringLikeRegexp('\\$context.requestId'),
      },
    });
    const [, accessLogs] = ofType('AWS::Logs::LogGroup').find(([id]) => /AccessLogs/.test(id))!;
    expect(accessLogs.Properties?.RetentionInDays).toBe(365);
  });
});

describe('api function', () => {
  it('runs Node.js 24 on arm64 with source maps and its own log group', () => {
    const fn = apiFunction().Properties!;
    expect(fn).toMatchObject({
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
    });
    const logGroupId = (fn.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
    expect(resources[logGroupId]?.Properties?.RetentionInDays).toBe(30);
  });

  it('gets the table, the token issuer and its log level from the environment', () => {
    const variables = (apiFunction().Properties!.Environment as { Variables: object }).Variables;
    expect(variables).toMatchObject({
      NODE_OPTIONS: '--enable-source-maps',
      POWERTOOLS_SERVICE_NAME: 'pantau-api',
      LOG_LEVEL: 'INFO',
      TABLE_NAME: { Ref: expect.stringMatching(/DataTable/) },
      JWT_AUDIENCE: { Ref: expect.stringMatching(/ConsoleClient/) },
    });
    const { JWT_ISSUER, JWKS_URL } = variables as { JWT_ISSUER: Join; JWKS_URL: Join };
    expect(JWT_ISSUER['Fn::Join'][1][0]).toBe('https://cognito-idp.');
    expect(JWKS_URL['Fn::Join'][1]).toEqual([
      ...JWT_ISSUER['Fn::Join'][1],
      '/.well-known/jwks.json',
    ]);
    // API Gateway and the app trust the same issuer.
    const [[, authorizer]] = ofType('AWS::ApiGatewayV2::Authorizer') as [[string, Resource]];
    expect(authorizer.Properties?.JwtConfiguration).toMatchObject({ Issuer: JWT_ISSUER });
  });

  it("runs every function on Node.js 24, the provider framework's too", () => {
    for (const [id, fn] of ofType('AWS::Lambda::Function')) {
      expect(fn.Properties?.Runtime, id).toBe('nodejs24.x');
    }
  });
});

describe('iam', () => {
  it('has no wildcard action anywhere (no dynamodb:*, no *)', () => {
    const all = statements();
    expect(all.length).toBeGreaterThan(0);
    const wildcards = all.flatMap(actionsOf).filter((action) => action.includes('*'));
    expect(wildcards).toEqual([]);
    const anyResource = all.filter((statement) => statement.Resource === '*');
    expect(anyResource).toEqual([]);
  });

  it('lets the functions use the table item by item and query the indexes, never scan', () => {
    const dynamo = statements().filter((statement) =>
      actionsOf(statement).some((action) => action.startsWith('dynamodb:')),
    );
    expect(dynamo.length).toBeGreaterThan(0);
    const actions = new Set(dynamo.flatMap(actionsOf));
    expect(actions).not.toContain('dynamodb:Scan');
    expect(actions).toContain('dynamodb:PutItem');
    const indexStatements = dynamo.filter((statement) =>
      JSON.stringify(statement.Resource).includes('/index/'),
    );
    for (const statement of indexStatements)
      expect(actionsOf(statement)).toEqual(['dynamodb:Query']);
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('has zero unacknowledged findings', () => {
    const report = new AwsSolutionsChecks().validateScope(stack);
    const findings = report.violations.map(
      (violation) =>
        `${violation.severity} ${violation.ruleName}: ${violation.description}\n` +
        violation.violatingResources
          .map((resource) => `    at ${resource.constructPath}`)
          .join('\n'),
    );
    expect(findings, `\n${findings.join('\n')}`).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('gives every acknowledgement a specific reason', () => {
    const acknowledgements: [string, string][] = [];
    const visit = (construct: IConstruct): void => {
      for (const entry of construct.node.metadata) {
        if (entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY) {
          acknowledgements.push(...Object.entries(entry.data as Record<string, string>));
        }
      }
      construct.node.children.forEach(visit);
    };
    visit(stack);
    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const [id, reason] of acknowledgements) expect(reason.length, id).toBeGreaterThan(40);
  });
});
