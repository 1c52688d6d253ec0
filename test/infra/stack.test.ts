import { App, Stack, Validations } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ladderDefinition, METRIC, rearmJobDefinition, STATE } from '@pantau/workflow';
import {
  COMPLAINT_ROUTES,
  COMPLAINT_THROTTLE,
  PUBLIC_ROUTES,
  ROUTE_THROTTLES,
  TRACKING_ROUTES,
  TRACKING_THROTTLE,
} from '../../infra/api.ts';
import { Auth } from '../../infra/auth.ts';
import { type Escalation, STATE_MACHINE_SERVICE_ACTIONS } from '../../infra/escalation.ts';
import { projectRoot } from '../../infra/function.ts';
import { MailIntakeRecipients, ORIGIN_SECRET_HEADER } from '../../functions/config.ts';
import {
  PantauStack,
  type PantauStackProps,
  type PantauStacks,
  pantauStacks,
} from '../../infra/pantau-stack.ts';
import type { RearmJobs } from '../../infra/rearm-jobs.ts';
import { API_PATHS, SPA_FALLBACK_CODE } from '../../infra/web.ts';
import { withConsole } from '../../packages/local/src/console.ts';

type Resource = { Type: string; Properties?: Record<string, unknown> };
type Statement = {
  Effect?: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
};
type Join = { 'Fn::Join': [string, unknown[]] };

// The feature flags of cdk.json, so the test synthesizes what `cdk synth` does.
const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context: Record<string, unknown>;
};

let stack: PantauStack;
let template: Template;
let resources: Record<string, Resource>;
/** The cloud assembly directory: where the staged assets (config.json) are. */
let assemblyDir: string;
/** A stand-in for `packages/web/dist`: an index.html and one hashed asset. */
const webDist = mkdtempSync(join(tmpdir(), 'pantau-web-'));

const props: PantauStackProps = {
  callbackUrls: ['http://localhost:5173/auth/callback'],
  logoutUrls: ['http://localhost:5173/'],
  authDomainPrefix: 'pantau-test',
  logLevel: 'INFO',
  mailFrom: 'pantau@example.go.id',
  alarmEmail: 'ops@example.go.id',
  webAssetsPath: webDist,
};

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

/** Our functions with Powertools and X-Ray: the API, Tick, Continue and the sweep. */
const tracedFunctions = (): [string, Resource][] =>
  ofType('AWS::Lambda::Function').filter(
    ([, fn]) =>
      (fn.Properties?.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables
        ?.POWERTOOLS_SERVICE_NAME !== undefined,
  );

/** The one resource of `type` whose logical id matches `id`, with its logical id. */
const only = (type: string, id: RegExp): [string, Resource] => {
  const found = ofType(type).filter(([logicalId]) => id.test(logicalId));
  if (found.length !== 1) throw new Error(`${found.length} ${type} matching ${id}`);
  return found[0]!;
};

const environmentOf = (fn: Resource): Record<string, unknown> =>
  (fn.Properties?.Environment as { Variables: Record<string, unknown> }).Variables;

/** The logical id of the role a resource names in `RoleArn` or `Role` (`Fn::GetAtt [id, Arn]`). */
const roleIdOf = (resource: Resource): string => {
  const arn = (resource.Properties?.RoleArn ?? resource.Properties?.Role) as {
    'Fn::GetAtt': [string, string];
  };
  return arn['Fn::GetAtt'][0];
};

/** Every statement granted to one role, inline or through attached AWS::IAM::Policy resources. */
const statementsOf = (roleId: string): Statement[] =>
  Object.values(resources).flatMap((resource) => {
    if (resource.Type !== 'AWS::IAM::Policy') return [];
    const roles = resource.Properties?.Roles as { Ref: string }[];
    if (!roles.some((role) => role.Ref === roleId)) return [];
    return (resource.Properties?.PolicyDocument as { Statement: Statement[] }).Statement;
  });

const resourcesOf = (statement: Statement): unknown[] =>
  Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource];

const getAtt = (logicalId: string) => ({ 'Fn::GetAtt': [logicalId, 'Arn'] });

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

/** CDK's BucketDeployment handler (a stack-level singleton) that uploads the console. */
const deploymentFunction = (): [string, Resource] =>
  only('AWS::Lambda::Function', /^CustomCDKBucketDeployment/);
const deploymentRoleId = (): string => only('AWS::IAM::Role', /^WebDeploymentRole/)[0];
/** The statements of the role CDK's BucketDeployment runs with (ours: it adds none). */
const deploymentStatements = (): Statement[] => statementsOf(deploymentRoleId());

/** `Fn::Join` parts as text, intrinsics written `{Ref}` or `{Id.Attr}`, to compare as strings. */
const joined = (value: unknown): string => {
  if (typeof value === 'string') return value;
  const object = value as Record<string, unknown>;
  if ('Fn::Join' in object) {
    const [separator, parts] = object['Fn::Join'] as [string, unknown[]];
    return parts.map(joined).join(separator);
  }
  if ('Ref' in object) return `{${String(object.Ref)}}`;
  if ('Fn::GetAtt' in object) return `{${(object['Fn::GetAtt'] as string[]).join('.')}}`;
  if ('Fn::Sub' in object && typeof object['Fn::Sub'] === 'string') return object['Fn::Sub'];
  throw new Error(`cannot render ${JSON.stringify(value)}`);
};

beforeAll(() => {
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Pantau</title>');
  mkdirSync(join(webDist, 'assets'));
  writeFileSync(join(webDist, 'assets', 'index-abc.js'), 'console.log("console");');
  const app = new App({ context: cdkJson.context });
  stack = new PantauStack(app, 'PantauTest', props);
  // One synthesis for the file (it bundles every function with esbuild).
  template = Template.fromStack(stack);
  resources = template.toJSON().Resources as Record<string, Resource>;
  assemblyDir = app.synth().directory;
}, 120_000);

afterAll(() => rmSync(webDist, { recursive: true, force: true }));

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
        AttributeDefinitions: [
          'pk',
          'sk',
          'gsi1pk',
          'gsi1sk',
          'gsi2pk',
          'gsi2sk',
          'gsi3pk',
          'gsi3sk',
        ].map((name) => ({
          AttributeName: name,
          AttributeType: 'S',
        })),
        GlobalSecondaryIndexes: [gsi('gsi1'), gsi('gsi2'), gsi('gsi3')],
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        // A list's cursor too long for a URL is kept a day, then lapses.
        TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
        DeletionProtectionEnabled: true,
        SSESpecification: { SSEEnabled: true },
      }),
    });
  });
});

describe('an existing table (-c tableName): a point-in-time restore, or the table a destroyed stack left', () => {
  const TABLE = 'Pantau-restored-20260501';
  const SEARCH_KEY =
    'arn:aws:secretsmanager:ap-southeast-3:111111111111:secret:DataSearchKey-AbC123';
  const TABLE_ARN = `arn:{AWS::Partition}:dynamodb:{AWS::Region}:{AWS::AccountId}:table/${TABLE}`;
  /** The restore: the stack's own search key stays (the restored items were indexed with it). */
  let restore: Stack;
  /** After `cdk destroy --all`: the retained table and its retained search key, both imported. */
  let orphan: Stack;
  const templateOf = (s: Stack) =>
    Template.fromStack(s).toJSON() as {
      Resources: Record<string, Resource>;
      Outputs: Record<string, { Value: unknown }>;
    };
  const functionsOf = (s: Stack) =>
    Object.entries(templateOf(s).Resources).filter(([, r]) => r.Type === 'AWS::Lambda::Function');
  const policyStatementsOf = (s: Stack): Statement[] =>
    Object.values(templateOf(s).Resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy')
      .flatMap((r) => (r.Properties?.PolicyDocument as { Statement: Statement[] }).Statement);

  beforeAll(() => {
    // No bundling: only the wiring is under test.
    const app = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
    restore = new PantauStack(app, 'PantauRestore', { ...props, tableName: TABLE });
    orphan = new PantauStack(app, 'PantauOrphan', {
      ...props,
      tableName: TABLE,
      searchKeySecretArn: SEARCH_KEY,
    });
  }, 120_000);

  it('creates no table and tells every function that uses one its name', () => {
    for (const s of [restore, orphan]) {
      Template.fromStack(s).resourceCountIs('AWS::DynamoDB::Table', 0);
      const withTable = functionsOf(s).filter(([, fn]) => {
        const variables = (fn.Properties?.Environment as { Variables?: Record<string, unknown> })
          ?.Variables;
        return variables !== undefined && 'TABLE_NAME' in variables;
      });
      // The API, Tick, the sweep, the re-arming task and the seed: as many as with a new table.
      const expected = ofType('AWS::Lambda::Function').filter(
        ([, fn]) =>
          'TABLE_NAME' in ((fn.Properties?.Environment as { Variables?: object })?.Variables ?? {}),
      ).length;
      expect(withTable.length).toBe(expected);
      for (const [id, fn] of withTable) expect(environmentOf(fn).TABLE_NAME, id).toBe(TABLE);
      expect(templateOf(s).Outputs.TableName?.Value).toBe(TABLE);
    }
  });

  it('grants the item actions on that table and Query on its three indexes, nothing else of DynamoDB', () => {
    for (const s of [restore, orphan]) {
      const dynamo = policyStatementsOf(s).filter((statement) =>
        actionsOf(statement).some((action) => action.startsWith('dynamodb:')),
      );
      expect(dynamo.length).toBeGreaterThan(0);
      const granted = new Set(dynamo.flatMap((statement) => resourcesOf(statement).map(joined)));
      expect([...granted].sort()).toEqual(
        [
          TABLE_ARN,
          ...['gsi1', 'gsi2', 'gsi3'].map((index) => `${TABLE_ARN}/index/${index}`),
        ].sort(),
      );
      for (const statement of dynamo) {
        if (
          resourcesOf(statement)
            .map(joined)
            .some((arn) => arn.includes('/index/'))
        )
          expect(actionsOf(statement)).toEqual(['dynamodb:Query']);
        expect(actionsOf(statement)).not.toContain('dynamodb:Scan');
      }
    }
  });

  it("keeps the stack's own search key for a restore: the same secret the table was indexed with", () => {
    const [keyId] = only('AWS::SecretsManager::Secret', /SearchKey/);
    const restored = templateOf(restore).Resources;
    expect(restored[keyId]?.Type).toBe('AWS::SecretsManager::Secret');
    const api = functionsOf(restore).find(
      ([, fn]) => environmentOf(fn).POWERTOOLS_SERVICE_NAME === 'pantau-api',
    )!;
    expect(environmentOf(api[1]).SEARCH_KEY_SECRET_ARN).toEqual({ Ref: keyId });
  });

  it('imports the retained search key by its ARN with searchKeySecretArn, and only the API and the jobs’ task (the upgrade re-indexes) read it', () => {
    const resources = templateOf(orphan).Resources;
    expect(
      Object.entries(resources).filter(
        ([id, r]) => r.Type === 'AWS::SecretsManager::Secret' && /SearchKey/.test(id),
      ),
    ).toEqual([]);
    const api = functionsOf(orphan).find(
      ([, fn]) => environmentOf(fn).POWERTOOLS_SERVICE_NAME === 'pantau-api',
    )!;
    expect(environmentOf(api[1]).SEARCH_KEY_SECRET_ARN).toBe(SEARCH_KEY);
    const readers = Object.values(resources).filter(
      (r) =>
        r.Type === 'AWS::IAM::Policy' &&
        (r.Properties?.PolicyDocument as { Statement: Statement[] }).Statement.some(
          (statement) =>
            actionsOf(statement).includes('secretsmanager:GetSecretValue') &&
            resourcesOf(statement).includes(SEARCH_KEY),
        ),
    );
    const task = functionsOf(orphan).find(([id]) => /^RearmJobsTask/.test(id))!;
    expect(environmentOf(task[1]).SEARCH_KEY_SECRET_ARN).toBe(SEARCH_KEY);
    expect(readers.map((r) => (r.Properties?.Roles as { Ref: string }[])[0]!.Ref).sort()).toEqual(
      [roleIdOf(api[1]), roleIdOf(task[1])].sort(),
    );
  });

  it('has zero unacknowledged cdk-nag findings', () => {
    for (const s of [restore, orphan]) {
      const report = new AwsSolutionsChecks().validateScope(s);
      const findings = report.violations.map(
        (v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
      );
      expect(findings, `\n${findings.join('\n')}`).toEqual([]);
    }
  });
});

describe('what a destroy keeps, and what a failed first deploy leaves', () => {
  type Kept = Resource & {
    DeletionPolicy?: string;
    UpdateReplacePolicy?: string;
    Properties?: { Bucket?: { Ref: string } };
  };
  const all = () => template.toJSON().Resources as Record<string, Kept>;
  const kept = (r: Kept) =>
    r.DeletionPolicy === 'Retain' || r.DeletionPolicy === 'RetainExceptOnCreate';

  /** Every bucket policy of a kept bucket, in `resources`, is kept as its bucket is. */
  const expectPoliciesKept = (resources: Record<string, Kept>) => {
    let checked = 0;
    for (const [id, r] of Object.entries(resources)) {
      if (r.Type !== 'AWS::S3::BucketPolicy') continue;
      const bucket = resources[r.Properties!.Bucket!.Ref]!;
      if (!kept(bucket)) continue;
      checked++;
      expect(r.DeletionPolicy, id).toBe(bucket.DeletionPolicy);
      expect(r.UpdateReplacePolicy, id).toBe('Retain');
    }
    return checked;
  };

  it('keeps the policy of every bucket it keeps (TLS only, and the attachments’ clean-only rule)', () => {
    // The attachments, their access logs and the console's access logs.
    expect(expectPoliciesKept(all())).toBe(3);
  });

  it('keeps the inbox bucket’s policy too, with e-mail intake', () => {
    const app = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
    const mail = pantauStacks(app, 'PantauMailKept', {
      ...props,
      env: { account: '111111111111', region: 'eu-west-1' },
      mailIntake: { recipients: ['pengaduan@example.go.id'] },
    }).main;
    expect(expectPoliciesKept(Template.fromStack(mail).toJSON().Resources)).toBe(4);
  }, 120_000);

  it('keeps the table and the user pool even from a create that rolls back (deletion protection); the buckets, the search key and the access log only once created', () => {
    const policies = Object.entries(all())
      .filter(([, r]) => kept(r) && r.Type !== 'AWS::S3::BucketPolicy')
      .map(([id, r]) => [id.replace(/[0-9A-F]{8}$/, ''), r.DeletionPolicy, r.UpdateReplacePolicy])
      .sort();
    expect(policies).toEqual(
      [
        ['AuthUserPool', 'Retain', 'Retain'],
        ['DataTable', 'Retain', 'Retain'],
        ['DataSearchKey', 'RetainExceptOnCreate', 'Retain'],
        ['ApiAccessLogs', 'RetainExceptOnCreate', 'Retain'],
        ['DocumentsAccessLogs', 'RetainExceptOnCreate', 'Retain'],
        ['DocumentsAttachments', 'RetainExceptOnCreate', 'Retain'],
        ['WebAccessLogs', 'RetainExceptOnCreate', 'Retain'],
      ].sort(),
    );
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
    });
  });

  it('requires TOTP MFA of every user, central admins included; no SMS', () => {
    // Issue 12, item 8: MFA was OPTIONAL for everyone. Cognito cannot require it per group or
    // attribute, and agency officers read complainants' identities too: the whole pool.
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
    });
    const [, pool] = only('AWS::Cognito::UserPool', /^AuthUserPool/);
    expect(pool.Properties).not.toHaveProperty('SmsConfiguration');
  });

  it('lets new users enrol their authenticator on the hosted page: managed login, styled for the console client', () => {
    // The hosted pages prompt for TOTP setup when MFA is required (managed login).
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: 'pantau-test',
      ManagedLoginVersion: 2,
    });
    const [clientId] = only('AWS::Cognito::UserPoolClient', /^AuthUserPoolConsoleClient/);
    template.hasResourceProperties('AWS::Cognito::ManagedLoginBranding', {
      ClientId: { Ref: clientId },
      UseCognitoProvidedValues: true,
    });
  });

  it('keeps threat protection (Plus plan) off by default: an option, with its cost', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', { UserPoolTier: 'ESSENTIALS' });
    const [, pool] = only('AWS::Cognito::UserPool', /^AuthUserPool/);
    expect(pool.Properties).not.toHaveProperty('UserPoolAddOns');
    template.resourceCountIs('AWS::Cognito::UserPoolRiskConfigurationAttachment', 0);
  });

  it('turns threat protection on with the threatProtection option: Plus, enforced, risky sign-ins blocked', () => {
    const scope = new Stack(new App({ context: cdkJson.context }), 'AuthOnly');
    new Auth(scope, 'Auth', {
      callbackUrls: ['https://example.test/auth/callback'],
      logoutUrls: ['https://example.test/'],
      threatProtection: true,
    });
    const withPlus = Template.fromStack(scope);
    withPlus.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      MfaConfiguration: 'ON',
    });
    withPlus.hasResourceProperties('AWS::Cognito::UserPoolRiskConfigurationAttachment', {
      ClientId: 'ALL',
      CompromisedCredentialsRiskConfiguration: { Actions: { EventAction: 'BLOCK' } },
      AccountTakeoverRiskConfiguration: {
        Actions: Match.objectLike({ HighAction: { EventAction: 'BLOCK', Notify: false } }),
      },
    });
    const nag = new AwsSolutionsChecks().validateScope(scope);
    expect(nag.violations.map((v) => v.ruleName)).toEqual([]);
  });

  it('gives the console a public code-flow client that cannot write agency or role', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      ReadAttributes: Match.arrayWith(['custom:agency', 'custom:role']),
      // An explicit list: an absent one would let users write every attribute.
      WriteAttributes: ['name'],
    });
  });

  it('signs in with SRP or, for operators with IAM credentials, the admin password flow; never plain USER_PASSWORD_AUTH', () => {
    const [, client] = only('AWS::Cognito::UserPoolClient', /^AuthUserPoolConsoleClient/);
    expect([...(client.Properties?.ExplicitAuthFlows as string[])].sort()).toEqual([
      'ALLOW_ADMIN_USER_PASSWORD_AUTH',
      'ALLOW_REFRESH_TOKEN_AUTH',
      'ALLOW_USER_SRP_AUTH',
    ]);
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
      // The tracking code travels in the body: no public route has it in its path.
      'POST /v1/track',
      'POST /v1/track/reply',
      // The public complaint form: its challenge, and the complaint with a solved one.
      'GET /v1/complaints/challenge',
      'POST /v1/complaints',
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

  it('access logs name the route key, never the path (a path may carry a tracking code)', () => {
    const [[, stage]] = ofType('AWS::ApiGatewayV2::Stage') as [[string, Resource]];
    const format = (stage.Properties?.AccessLogSettings as { Format: string }).Format;
    const fields = JSON.parse(format) as Record<string, string>;
    expect(fields.routeKey).toBe('$context.routeKey');
    expect(format).not.toMatch(/\$context\.(path|resourcePath)\b/);
    // The other fields stay: which signed-in user called what, when, with which outcome.
    expect(fields).toMatchObject({
      requestId: '$context.requestId',
      requestTime: '$context.requestTime',
      method: '$context.httpMethod',
      status: '$context.status',
      sub: '$context.authorizer.claims.sub',
    });
  });

  it('access logs keep no client address or user agent (they would unmask an anonymous complainant)', () => {
    // A `POST /v1/complaints` line's requestTime is the case's receivedAt, and a
    // `POST /v1/track/reply` line follows the same complainant: with an address beside them, a
    // year of this log ties an anonymous or hidden-identity complaint to a person. The WAF limits
    // each address without keeping it.
    const [[, stage]] = ofType('AWS::ApiGatewayV2::Stage') as [[string, Resource]];
    const format = (stage.Properties?.AccessLogSettings as { Format: string }).Format;
    const fields = JSON.parse(format) as Record<string, string>;
    expect(Object.keys(fields)).not.toContain('ip');
    expect(Object.keys(fields)).not.toContain('userAgent');
    expect(format).not.toMatch(/\$context\.identity\./);
  });

  it('throttles every public route whose reason says "per route", below the stage default', () => {
    // Issue 12, item 7: the routes that take a tracking code (the complainant's credential)
    // answer without a token, and so do the complaint form's. Their ceilings are for all clients
    // together (the WAF limits each): a flood from many addresses cannot take the stage's share
    // of the officers' routes. The cdk-nag acknowledgements promise it: they must hold.
    const key = (route: { method: string; path: string }) => `${route.method} ${route.path}`;
    const perRoute = PUBLIC_ROUTES.filter((route) => /per route/i.test(route.reason)).map(key);
    expect(perRoute).toEqual([
      'POST /v1/track',
      'POST /v1/track/reply',
      'GET /v1/complaints/challenge',
      'POST /v1/complaints',
    ]);
    const [stageId, stage] = only('AWS::ApiGatewayV2::Stage', /DefaultStage/);
    const settings = stage.Properties?.RouteSettings as Record<
      string,
      { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }
    >;
    expect(Object.keys(settings ?? {}).sort()).toEqual([...perRoute].sort());
    // One list drives them: a route cannot lose its throttle to a second list drifting.
    expect(ROUTE_THROTTLES.map(({ route }) => key(route)).sort()).toEqual([...perRoute].sort());
    for (const [key, throttle] of Object.entries(settings)) {
      expect(throttle.ThrottlingRateLimit, key).toBeLessThan(100);
      expect(throttle.ThrottlingBurstLimit, key).toBeLessThan(200);
      expect(throttle.ThrottlingRateLimit, key).toBeGreaterThan(0);
      expect(throttle.ThrottlingBurstLimit, key).toBeGreaterThanOrEqual(
        throttle.ThrottlingRateLimit,
      );
    }
    for (const route of TRACKING_ROUTES)
      expect(settings[key(route)]).toEqual({
        ThrottlingRateLimit: TRACKING_THROTTLE.rateLimit,
        ThrottlingBurstLimit: TRACKING_THROTTLE.burstLimit,
      });
    // A public form: a few complaints a second at most, all clients together.
    for (const route of COMPLAINT_ROUTES)
      expect(settings[key(route)]).toEqual({
        ThrottlingRateLimit: COMPLAINT_THROTTLE.rateLimit,
        ThrottlingBurstLimit: COMPLAINT_THROTTLE.burstLimit,
      });
    expect(COMPLAINT_THROTTLE.rateLimit).toBeLessThanOrEqual(5);
    // API Gateway refuses route settings for a route key it does not have yet.
    const routeIds = ofType('AWS::ApiGatewayV2::Route')
      .filter(([, route]) => (route.Properties?.RouteKey as string) in settings)
      .map(([id]) => id);
    expect(routeIds).toHaveLength(perRoute.length);
    const dependsOn = (template.toJSON().Resources as Record<string, { DependsOn?: string[] }>)[
      stageId
    ]?.DependsOn;
    expect(dependsOn).toEqual(expect.arrayContaining(routeIds));
  });
});

describe('the attachments’ malware scan', () => {
  it('gives GuardDuty the role AWS lists: it manages and watches its EventBridge rule', () => {
    const [, plan] = only('AWS::GuardDuty::MalwareProtectionPlan', /.*/);
    const actions = statementsOf(roleIdOf(plan)).flatMap((s) =>
      Array.isArray(s.Action) ? s.Action : [s.Action],
    );
    // Without ListTargetsByRule the plan cannot check its rule: no object is ever tagged
    // NO_THREATS_FOUND, and the bucket policy refuses every download.
    expect(actions).toEqual(
      expect.arrayContaining([
        'events:PutRule',
        'events:DeleteRule',
        'events:PutTargets',
        'events:RemoveTargets',
        'events:DescribeRule',
        'events:ListTargetsByRule',
      ]),
    );
  });

  it('scans what is served only (cases/), once per file; what forms wrote (uploads/) goes after two days', () => {
    const [, plan] = only('AWS::GuardDuty::MalwareProtectionPlan', /.*/);
    const [bucketId, bucket] = only('AWS::S3::Bucket', /^DocumentsAttachments/);
    expect(plan.Properties?.ProtectedResource).toEqual({
      S3Bucket: { BucketName: { Ref: bucketId }, ObjectPrefixes: ['cases/'] },
    });
    const rules = (
      bucket.Properties?.LifecycleConfiguration as { Rules: Record<string, unknown>[] }
    ).Rules;
    expect(rules).toContainEqual(
      expect.objectContaining({
        Prefix: 'uploads/',
        ExpirationInDays: 2,
        NoncurrentVersionExpiration: { NoncurrentDays: 1 },
        Status: 'Enabled',
      }),
    );
    // The API presigns forms for, reads back and deletes uploads/, and nothing else there.
    const onUploads = statementsOf(roleIdOf(apiFunction())).filter((statement) =>
      JSON.stringify(statement.Resource).includes('/uploads/*'),
    );
    expect(onUploads.flatMap(actionsOf).sort()).toEqual([
      's3:DeleteObject',
      's3:GetObject',
      's3:PutObject',
    ]);
  });

  it('takes each scan result that is not clean, of this bucket only, to a function that marks the file refused; undelivered ones to a queue with an alarm', () => {
    const [fnId, fn] = only('AWS::Lambda::Function', /^ScanResultsHandler/);
    const [bucketId] = only('AWS::S3::Bucket', /^DocumentsAttachments/);
    expect(environmentOf(fn).ATTACHMENTS_BUCKET).toEqual({ Ref: bucketId });
    const [ruleId, rule] = only('AWS::Events::Rule', /^ScanResultsRule/);
    expect(rule.Properties?.EventPattern).toEqual({
      source: ['aws.guardduty'],
      'detail-type': ['GuardDuty Malware Protection Object Scan Result'],
      detail: {
        s3ObjectDetails: { bucketName: [{ Ref: bucketId }] },
        scanResultDetails: { scanResultStatus: [{ 'anything-but': ['NO_THREATS_FOUND'] }] },
      },
    });
    const [queueId] = only('AWS::SQS::Queue', /^ScanResultsUndelivered/);
    // EventBridge counts an event delivered once Lambda has queued it: its target's queue never
    // hears of a function that keeps failing or is throttled, which Lambda retries twice and
    // then drops unless the function has its own dead-letter queue (the same one: its body is
    // the event, as the replay reads it).
    expect(fn.Properties?.DeadLetterConfig, 'where a failing scan-result event goes').toEqual({
      TargetArn: getAtt(queueId),
    });
    expect(rule.Properties?.Targets).toEqual([
      expect.objectContaining({
        Arn: getAtt(fnId),
        DeadLetterConfig: { Arn: getAtt(queueId) },
        RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 21_600 },
      }),
    ]);
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: getAtt(fnId),
      Principal: 'events.amazonaws.com',
      SourceArn: getAtt(ruleId),
    });
    // The table item by item and nothing of S3: the verdict is in the event.
    const granted = statementsOf(roleIdOf(fn)).flatMap(actionsOf);
    expect(granted.filter((a) => a.startsWith('s3:'))).toEqual([]);
    expect(granted).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem']));
    const [, alarm] = only('AWS::CloudWatch::Alarm', /^ScanResultsUndeliveredAlarm/);
    expect(alarm.Properties?.Dimensions).toEqual([
      { Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } },
    ]);
    expect(alarm.Properties?.AlarmActions).toHaveLength(1);
    // What a replay needs (infra/README.md, "Malware scan results").
    template.hasOutput('ScanResultsFunctionName', { Value: { Ref: fnId } });
    template.hasOutput('ScanResultsUndeliveredQueueUrl', { Value: { Ref: queueId } });
  });
});

describe('letters SES accepted and could not deliver', () => {
  it('publishes the letters’ bounces and rejects (not complaints) on the default event bus', () => {
    const [configSetId] = only('AWS::SES::ConfigurationSet', /Notify/);
    const [, destination] = only(
      'AWS::SES::ConfigurationSetEventDestination',
      /^NotifyConfigurationSetUndelivered/,
    );
    expect(destination.Properties?.ConfigurationSetName).toEqual({ Ref: configSetId });
    const published = destination.Properties?.EventDestination as Record<string, unknown>;
    expect(published).toMatchObject({ Enabled: true, MatchingEventTypes: ['bounce', 'reject'] });
    expect(joined((published.EventBridgeDestination as { EventBusArn: unknown }).EventBusArn)).toBe(
      'arn:{AWS::Partition}:events:{AWS::Region}:{AWS::AccountId}:event-bus/default',
    );
  });

  it('takes this configuration set’s to a function that marks the letter failed, with the table’s one item and nothing else; undelivered ones to a queue with an alarm', () => {
    const [fnId, fn] = only('AWS::Lambda::Function', /^LetterBouncesHandler/);
    const [configSetId] = only('AWS::SES::ConfigurationSet', /Notify/);
    const [ruleId, rule] = only('AWS::Events::Rule', /^LetterBouncesRule/);
    expect(rule.Properties?.EventPattern).toEqual({
      source: ['aws.ses'],
      'detail-type': ['Email Bounced', 'Email Rejected'],
      detail: { mail: { tags: { 'ses:configuration-set': [{ Ref: configSetId }] } } },
    });
    const [queueId] = only('AWS::SQS::Queue', /^LetterBouncesUndelivered/);
    expect(fn.Properties?.DeadLetterConfig).toEqual({ TargetArn: getAtt(queueId) });
    expect(rule.Properties?.Targets).toEqual([
      expect.objectContaining({
        Arn: getAtt(fnId),
        DeadLetterConfig: { Arn: getAtt(queueId) },
        RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 21_600 },
      }),
    ]);
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: getAtt(fnId),
      Principal: 'events.amazonaws.com',
      SourceArn: getAtt(ruleId),
    });
    // The ladder's service: its LettersFailed alarm counts a bounced letter too.
    expect(environmentOf(fn)).toMatchObject({
      TABLE_NAME: { Ref: expect.stringMatching(/DataTable/) },
      POWERTOOLS_SERVICE_NAME: 'pantau-ladder',
    });
    expect(environmentOf(fn)).not.toHaveProperty('MAIL_FROM');
    // Least privilege: one letter got and put by its key (no query, no index, no SES), its
    // log group, X-Ray, and its dead-letter queue.
    const granted = statementsOf(roleIdOf(fn));
    expect([...new Set(granted.flatMap(actionsOf))].sort()).toEqual([
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      'sqs:SendMessage',
      'xray:PutTelemetryRecords',
      'xray:PutTraceSegments',
    ]);
    const table = granted.filter((st) => actionsOf(st).some((a) => a.startsWith('dynamodb:')));
    expect(table.flatMap(resourcesOf)).toEqual([
      { 'Fn::GetAtt': [expect.stringMatching(/^DataTable/), 'Arn'] },
    ]);
    const [, alarm] = only('AWS::CloudWatch::Alarm', /^LetterBouncesUndeliveredAlarm/);
    expect(alarm.Properties?.Dimensions).toEqual([
      { Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } },
    ]);
    expect(alarm.Properties?.AlarmActions).toHaveLength(1);
    template.hasOutput('LetterBouncesFunctionName', { Value: { Ref: fnId } });
    template.hasOutput('LetterBouncesUndeliveredQueueUrl', { Value: { Ref: queueId } });
  });
});

describe('stack outputs: what `aws cloudformation describe-stacks` shows the operator', () => {
  it('describes every output, and the re-arm state machine as the upgrade job’s too', () => {
    const outputs = template.toJSON().Outputs as Record<string, { Description?: string }>;
    expect(
      Object.entries(outputs)
        .filter(([, o]) => !o.Description)
        .map(([k]) => k),
    ).toEqual([]);
    // README "Upgrading" sends the operator there to see a deploy's upgrade job.
    expect(outputs.RearmStateMachineArn?.Description).toMatch(/upgrade/);
  });
});

describe('api function', () => {
  it('may list the attachments bucket, so S3 answers a missing upload 404, not 403 (a 409, not a 500)', () => {
    const [bucketId] = Object.keys(resources).filter(
      (id) => resources[id]!.Type === 'AWS::S3::Bucket' && /DocumentsAttachments/.test(id),
    );
    const listing = statementsOf(roleIdOf(apiFunction())).filter((st) =>
      [st.Action].flat().includes('s3:ListBucket'),
    );
    expect(listing.map((st) => st.Resource)).toEqual([{ 'Fn::GetAtt': [bucketId, 'Arn'] }]);
  });

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

  it('has the time the HTTP API gives a request (a 500-row import takes more than 10 s)', () => {
    expect(apiFunction().Properties!.Timeout).toBe(29);
  });

  it('carries Swagger UI beside its bundle, for /docs without a CDN', () => {
    const code = apiFunction().Properties!.Code as { S3Key: string };
    const dir = join(assemblyDir, `asset.${code.S3Key.replace(/\.zip$/, '')}`);
    for (const file of [
      'index.mjs',
      'swagger-ui/swagger-ui.css',
      'swagger-ui/swagger-ui-bundle.js',
    ])
      expect(existsSync(join(dir, file)), file).toBe(true);
  });

  it('keeps the PDF renderer in its own file beside the handler, out of the cold start', () => {
    const code = apiFunction().Properties!.Code as { S3Key: string };
    const dir = join(assemblyDir, `asset.${code.S3Key.replace(/\.zip$/, '')}`);
    for (const file of ['pdf-renderer.mjs', 'fonts/DejaVuSerif.ttf', 'fonts/DejaVuSerif-Bold.ttf'])
      expect(existsSync(join(dir, file)), file).toBe(true);
    // pdf-lib names itself as the PDF's producer: in the renderer, never in the handler.
    const PDF_LIB = 'Hopding/pdf-lib';
    expect(readFileSync(join(dir, 'pdf-renderer.mjs'), 'utf8')).toContain(PDF_LIB);
    expect(readFileSync(join(dir, 'index.mjs'), 'utf8')).not.toContain(PDF_LIB);
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

  it('keys the search index with a secret kept with the table, which only the API and the jobs’ task (the upgrade re-indexes) read', () => {
    const [secretId] = only('AWS::SecretsManager::Secret', /SearchKey/);
    // Kept when the stack goes or replaces it; deleted with a create that rolls back.
    expect(template.toJSON().Resources[secretId].DeletionPolicy).toBe('RetainExceptOnCreate');
    expect(environmentOf(apiFunction()).SEARCH_KEY_SECRET_ARN).toEqual({ Ref: secretId });
    const readers = ofType('AWS::IAM::Policy').filter(([, policy]) =>
      (policy.Properties?.PolicyDocument as { Statement: Statement[] }).Statement.some(
        (statement) =>
          actionsOf(statement).includes('secretsmanager:GetSecretValue') &&
          resourcesOf(statement).some(
            (r) => JSON.stringify(r) === JSON.stringify({ Ref: secretId }),
          ),
      ),
    );
    expect(readers).toHaveLength(2);
    const task = only('AWS::Lambda::Function', /^RearmJobsTask/)[1];
    expect(environmentOf(task).SEARCH_KEY_SECRET_ARN).toEqual({ Ref: secretId });
    for (const fn of [apiFunction(), task])
      expect(
        statementsOf(roleIdOf(fn)).some((statement) =>
          actionsOf(statement).includes('secretsmanager:GetSecretValue'),
        ),
      ).toBe(true);
  });

  it('refuses requests without the origin secret CloudFront adds: a secret made at deploy time, never in the template', () => {
    // Issue 12, item 7: the execute-api URL must not go around CloudFront and its WAF.
    const [secretId, secret] = only('AWS::SecretsManager::Secret', /OriginSecret/);
    expect(secret.Properties?.GenerateSecretString).toMatchObject({ ExcludePunctuation: true });
    expect(
      (secret.Properties?.GenerateSecretString as { PasswordLength: number }).PasswordLength,
    ).toBeGreaterThanOrEqual(32);
    expect(secret.Properties).not.toHaveProperty('SecretString');
    const reference = {
      'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: secretId }, ':SecretString:::}}']],
    };
    const [, distribution] = only('AWS::CloudFront::Distribution', /^WebDistribution/);
    const origins = (
      distribution.Properties?.DistributionConfig as {
        Origins: {
          DomainName: unknown;
          OriginCustomHeaders?: { HeaderName: string; HeaderValue: unknown }[];
        }[];
      }
    ).Origins;
    const api = origins.find((origin) => joined(origin.DomainName).includes('.execute-api.'));
    expect(api?.OriginCustomHeaders).toEqual([
      { HeaderName: ORIGIN_SECRET_HEADER, HeaderValue: reference },
    ]);
    // Only the API origin gets it.
    for (const origin of origins.filter((o) => o !== api)) {
      expect(origin).not.toHaveProperty('OriginCustomHeaders');
    }
    expect(ORIGIN_SECRET_HEADER).toMatch(/^x-[a-z-]+$/);
  });

  it('re-resolves the origin secret after a rotation: -c originSecretVersion pins the distribution’s reference and renews the API’s instances', () => {
    // CloudFormation resolves a dynamic reference only when it updates the resource: after
    // put-secret-value, an unchanged template would leave CloudFront on the old value. The
    // reference's fields: secret, SecretString, JSON key, version stage, version id.
    const VERSION = 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111';
    const app = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
    const rotated = Template.fromStack(
      new PantauStack(app, 'PantauRotated', { ...props, originSecretVersion: VERSION }),
    ).toJSON().Resources as Record<string, Resource>;
    const [secretId] = Object.entries(rotated).find(
      ([id, r]) => r.Type === 'AWS::SecretsManager::Secret' && /OriginSecret/.test(id),
    )!;
    const [, distribution] = Object.entries(rotated).find(
      ([, r]) => r.Type === 'AWS::CloudFront::Distribution',
    )!;
    const headers = (
      distribution.Properties?.DistributionConfig as {
        Origins: { OriginCustomHeaders?: { HeaderName: string; HeaderValue: unknown }[] }[];
      }
    ).Origins.flatMap((origin) => origin.OriginCustomHeaders ?? []);
    expect(headers).toEqual([
      {
        HeaderName: ORIGIN_SECRET_HEADER,
        HeaderValue: {
          'Fn::Join': [
            '',
            ['{{resolve:secretsmanager:', { Ref: secretId }, `:SecretString:::${VERSION}}}`],
          ],
        },
      },
    ]);
    // The API's configuration changes with it, so new instances read the new value at their
    // cold start (the version is no secret; the value stays out of the environment).
    const [, api] = Object.entries(rotated).find(
      ([, r]) =>
        r.Type === 'AWS::Lambda::Function' &&
        environmentOf(r).POWERTOOLS_SERVICE_NAME === 'pantau-api',
    )!;
    expect(environmentOf(api).ORIGIN_SECRET_VERSION).toBe(VERSION);
    // Without it (every deploy before a rotation), the current version, and no such variable.
    expect(environmentOf(apiFunction())).not.toHaveProperty('ORIGIN_SECRET_VERSION');
  }, 120_000);

  it('reads the origin secret from Secrets Manager at cold start: in no Lambda environment, readable by the API function alone', () => {
    // Read access to a function's configuration must not reveal it (nor the proof-of-work key
    // derived from it). CloudFront still gets it by the dynamic reference above.
    const [secretId] = only('AWS::SecretsManager::Secret', /OriginSecret/);
    for (const [id, fn] of ofType('AWS::Lambda::Function')) {
      const variables = (fn.Properties?.Environment as { Variables?: Record<string, unknown> })
        ?.Variables;
      for (const [name, value] of Object.entries(variables ?? {})) {
        expect(JSON.stringify(value), `${id} ${name}`).not.toContain('resolve:secretsmanager');
        if (name !== 'ORIGIN_SECRET_ARN')
          expect(JSON.stringify(value), `${id} ${name}`).not.toContain(secretId);
      }
    }
    expect(environmentOf(apiFunction())).not.toHaveProperty('ORIGIN_SECRET');
    expect(environmentOf(apiFunction()).ORIGIN_SECRET_ARN).toEqual({ Ref: secretId });
    const onSecret = (statement: Statement) =>
      resourcesOf(statement).some((r) => JSON.stringify(r) === JSON.stringify({ Ref: secretId }));
    const readers = ofType('AWS::IAM::Policy').filter(([, policy]) =>
      (policy.Properties?.PolicyDocument as { Statement: Statement[] }).Statement.some(onSecret),
    );
    expect(readers).toHaveLength(1);
    expect((readers[0]![1].Properties?.Roles as { Ref: string }[]).map((r) => r.Ref)).toEqual([
      roleIdOf(apiFunction()),
    ]);
    // Read only, on its two secrets by name (this one and the search key): no wildcard that
    // would reach another secret.
    const [searchKeyId] = only('AWS::SecretsManager::Secret', /SearchKey/);
    const granted = statementsOf(roleIdOf(apiFunction())).filter((statement) =>
      actionsOf(statement).some((action) => action.startsWith('secretsmanager:')),
    );
    expect(new Set(granted.flatMap(resourcesOf).map((r) => JSON.stringify(r)))).toEqual(
      new Set([{ Ref: secretId }, { Ref: searchKeyId }].map((r) => JSON.stringify(r))),
    );
    expect(new Set(granted.flatMap(actionsOf))).toEqual(
      new Set(['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue']),
    );
  });

  it("runs every function on Node.js 24, the provider frameworks' too, but CDK's S3 deployment", () => {
    const [deploymentId] = deploymentFunction();
    for (const [id, fn] of ofType('AWS::Lambda::Function')) {
      if (id !== deploymentId) expect(fn.Properties?.Runtime, id).toBe('nodejs24.x');
    }
    // BucketDeployment's handler runs the AWS CLI from a layer: Python, pinned by aws-cdk-lib.
    expect(resources[deploymentId]?.Properties?.Runtime).toMatch(/^python3\./);
  });
});

describe('iam', () => {
  it("has no wildcard action anywhere (no dynamodb:*, no *) but on the console bucket for CDK's S3 deployment", () => {
    const deployment = deploymentStatements();
    const all = statements().filter((statement) => !deployment.includes(statement));
    expect(all.length).toBeGreaterThan(0);
    const wildcards = all.flatMap(actionsOf).filter((action) => action.includes('*'));
    expect(wildcards).toEqual([]);
  });

  it("grants Resource * only for the state machines' log delivery and X-Ray, and the traced functions' X-Ray, which have no resources", () => {
    const anyResource = statements().filter((statement) => resourcesOf(statement).includes('*'));
    const ownedBy = (resource: Resource) => {
      const own = statementsOf(roleIdOf(resource));
      return anyResource.filter((statement) => own.includes(statement));
    };
    const machines = [/Escalation/, /RearmJobs/].map((id) =>
      ownedBy(only('AWS::StepFunctions::StateMachine', id)[1]),
    );
    for (const machine of machines) {
      expect(machine).toHaveLength(1);
      expect(actionsOf(machine[0]!)).toEqual([...STATE_MACHINE_SERVICE_ACTIONS].sort());
    }
    // The API, Tick, Continue, the sweep, the re-arming task, the scan results and the letters'
    // bounces are traced.
    const functions = tracedFunctions().map(([, fn]) => ownedBy(fn));
    expect(functions).toHaveLength(7);
    for (const own of functions) {
      expect(own.map((statement) => actionsOf(statement).toSorted())).toEqual([
        ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'],
      ]);
    }
    expect(anyResource).toHaveLength(machines.length + functions.length);
  });

  it("lets CDK's S3 deployment read the asset zips, write the console bucket and its own logs, and invalidate this distribution", () => {
    const [bucketId] = only('AWS::S3::Bucket', /^WebBucket/);
    const [logGroupId] = only('AWS::Logs::LogGroup', /^WebDeploymentLogs/);
    const [distributionId] = only('AWS::CloudFront::Distribution', /^WebDistribution/);
    const granted = deploymentStatements().map((statement) => ({
      actions: actionsOf(statement),
      resources: resourcesOf(statement).map(joined),
    }));
    // BucketDeployment's own grants (read and list the whole asset bucket, invalidate every
    // distribution) land nowhere: the role it is given takes no policy updates.
    expect(granted).toEqual([
      {
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [`{${logGroupId}.Arn}`],
      },
      {
        actions: ['s3:GetObject'],
        resources: [
          'arn:{AWS::Partition}:s3:::cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}/*',
        ],
      },
      {
        actions: expect.arrayContaining(['s3:PutObject', 's3:DeleteObject*', 's3:GetBucket*']),
        resources: [`{${bucketId}.Arn}`, `{${bucketId}.Arn}/*`],
      },
      {
        actions: ['cloudfront:CreateInvalidation', 'cloudfront:GetInvalidation'],
        resources: [
          `arn:{AWS::Partition}:cloudfront::{AWS::AccountId}:distribution/{${distributionId}}`,
        ],
      },
    ]);
    expect(granted[2]!.actions.filter((action) => !action.startsWith('s3:'))).toEqual([]);
    // Only the deployment function assumes the role, and it logs to its own group.
    const [, fn] = deploymentFunction();
    expect(roleIdOf(fn)).toBe(deploymentRoleId());
    expect(fn.Properties?.LoggingConfig).toEqual({ LogGroup: { Ref: logGroupId } });
  });

  it("attaches an AWS managed policy only to CDK's auto-delete provider (AWSLambdaBasicExecutionRole)", () => {
    const managed = ofType('AWS::IAM::Role').filter(
      ([, role]) => role.Properties?.ManagedPolicyArns !== undefined,
    );
    expect(managed.map(([id]) => id)).toEqual([
      expect.stringMatching(/^CustomS3AutoDeleteObjectsCustomResourceProviderRole/),
    ]);
    expect(JSON.stringify(managed[0]![1].Properties?.ManagedPolicyArns)).toContain(
      'service-role/AWSLambdaBasicExecutionRole',
    );
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

describe('escalation', () => {
  const stateMachine = () => only('AWS::StepFunctions::StateMachine', /Escalation/);
  const tickFunction = () => only('AWS::Lambda::Function', /^EscalationTick/);
  const continueFunction = () => only('AWS::Lambda::Function', /^EscalationContinue/);
  const sweepFunction = () => only('AWS::Lambda::Function', /^EscalationSweep/);

  /** The ARN the functions get: built from the state machine's name (see escalation.ts). */
  const stateMachineArn = (): unknown => {
    const arn = stack.resolve((stack.node.findChild('Escalation') as Escalation).stateMachineArn);
    const name = stateMachine()[1].Properties?.StateMachineName as string;
    expect(arn).toEqual({
      'Fn::Join': ['', expect.arrayContaining([':states:', `:stateMachine:${name}`])],
    });
    return arn;
  };

  it('is a Standard state machine running ladderDefinition, ARNs filled by substitution', () => {
    const [, machine] = stateMachine();
    expect(machine.Properties).toMatchObject({
      StateMachineType: 'STANDARD',
      StateMachineName: 'PantauTest-ladder',
    });
    // The definition is the module's object as is: its states, and the placeholders as Resource.
    const definition = JSON.parse(machine.Properties?.DefinitionString as string) as {
      States: Record<string, { Resource?: string }>;
    };
    expect(definition).toEqual(JSON.parse(JSON.stringify(ladderDefinition)));
    expect(Object.keys(definition.States).sort()).toEqual(Object.values(STATE).sort());
    expect(definition.States[STATE.tick]?.Resource).toBe('${TickFunctionArn}');
    expect(definition.States[STATE.continueAsNew]?.Resource).toBe('${ContinueFunctionArn}');
    expect(machine.Properties?.DefinitionSubstitutions).toEqual({
      TickFunctionArn: getAtt(tickFunction()[0]),
      ContinueFunctionArn: getAtt(continueFunction()[0]),
    });
  });

  it('may only invoke its two functions (unqualified), besides logging and tracing', () => {
    const [, machine] = stateMachine();
    const roleId = roleIdOf(machine);
    expect(resources[roleId]?.Properties?.AssumeRolePolicyDocument).toMatchObject({
      Statement: [
        {
          Action: 'sts:AssumeRole',
          Principal: { Service: 'states.amazonaws.com' },
          Condition: { StringEquals: { 'aws:SourceArn': stateMachineArn() } },
        },
      ],
    });
    expect(resources[roleId]?.Properties).not.toHaveProperty('ManagedPolicyArns');
    expect(resources[roleId]?.Properties).not.toHaveProperty('Policies');
    const granted = statementsOf(roleId);
    const invoke = granted.filter((statement) =>
      actionsOf(statement).includes('lambda:InvokeFunction'),
    );
    expect(invoke).toHaveLength(1);
    expect(actionsOf(invoke[0]!)).toEqual(['lambda:InvokeFunction']);
    expect(resourcesOf(invoke[0]!)).toEqual(
      expect.arrayContaining([getAtt(tickFunction()[0]), getAtt(continueFunction()[0])]),
    );
    expect(resourcesOf(invoke[0]!)).toHaveLength(2);
    const others = granted.filter((statement) => statement !== invoke[0]);
    expect(others.flatMap(actionsOf).sort()).toEqual([...STATE_MACHINE_SERVICE_ACTIONS].sort());
    expect(
      granted.flatMap(actionsOf).filter((action) => /^(dynamodb|ses|states):/.test(action)),
    ).toEqual([]);
  });

  it('logs every event without execution data, and traces with X-Ray', () => {
    const [, machine] = stateMachine();
    expect(machine.Properties).toMatchObject({
      LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: false },
      TracingConfiguration: { Enabled: true },
    });
    const destinations = (
      machine.Properties?.LoggingConfiguration as {
        Destinations: { CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': [string] } } }[];
      }
    ).Destinations;
    expect(destinations).toHaveLength(1);
    const logGroup =
      resources[destinations[0]!.CloudWatchLogsLogGroup.LogGroupArn['Fn::GetAtt'][0]];
    expect(logGroup?.Properties).toMatchObject({
      LogGroupName: '/aws/vendedlogs/states/PantauTest-ladder',
      RetentionInDays: 30,
    });
  });

  it('alarms on any failed execution, on Tick errors and on sweep errors', () => {
    const [machineId] = stateMachine();
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/States',
      MetricName: 'ExecutionsFailed',
      Dimensions: [{ Name: 'StateMachineArn', Value: { Ref: machineId } }],
      Statistic: 'Sum',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: tickFunction()[0] } }],
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: sweepFunction()[0] } }],
      Period: 900,
      Statistic: 'Sum',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
    });
  });

  it('lets the API, the continue function, the sweep and the re-arming task start executions of this state machine only', () => {
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    const rearm = stack.resolve((stack.node.findChild('RearmJobs') as RearmJobs).stateMachineArn);
    const starters = ofType('AWS::IAM::Policy').flatMap(([, policy]) =>
      (policy.Properties?.PolicyDocument as { Statement: Statement[] }).Statement.filter((st) =>
        resourcesOf(st).some((r) => same(r, stateMachineArn())),
      ).map((statement) => ({ roles: policy.Properties?.Roles, statement })),
    );
    const apiRole = roleIdOf(apiFunction());
    const continueRole = roleIdOf(continueFunction()[1]);
    const sweepRole = roleIdOf(sweepFunction()[1]);
    const rearmTask = only('AWS::Lambda::Function', /^RearmJobsTask/)[1];
    expect(starters.map(({ roles }) => roles)).toEqual(
      expect.arrayContaining([
        [{ Ref: apiRole }],
        [{ Ref: continueRole }],
        [{ Ref: sweepRole }],
        [{ Ref: roleIdOf(rearmTask) }],
      ]),
    );
    expect(starters).toHaveLength(4);
    for (const { statement } of starters) {
      expect(statement).toMatchObject({ Effect: 'Allow', Action: 'states:StartExecution' });
      // The API also starts re-arming jobs (CDK merges the two grants into one statement).
      for (const r of resourcesOf(statement))
        expect(same(r, stateMachineArn()) || same(r, rearm)).toBe(true);
    }
    for (const fn of [apiFunction(), continueFunction()[1], sweepFunction()[1], rearmTask]) {
      expect(environmentOf(fn).STATE_MACHINE_ARN).toEqual(stateMachineArn());
    }
  });

  /**
   * Checks that `fn` has the table (item actions and its variable) and may send as the
   * configured address only, through its identity and the configuration set; returns its one
   * `ses:SendEmail` statement.
   */
  const expectTableAndSend = (fn: Resource): Statement => {
    const [configSetId] = only('AWS::SES::ConfigurationSet', /Notify/);
    expect(environmentOf(fn)).toMatchObject({
      TABLE_NAME: { Ref: expect.stringMatching(/DataTable/) },
      MAIL_FROM: 'pantau@example.go.id',
      SES_CONFIGURATION_SET: { Ref: configSetId },
      LOG_LEVEL: 'INFO',
    });
    const granted = statementsOf(roleIdOf(fn));
    const actions = new Set(granted.flatMap(actionsOf));
    for (const action of [
      'dynamodb:GetItem',
      'dynamodb:Query',
      'dynamodb:PutItem',
      'dynamodb:ConditionCheckItem',
    ])
      expect(actions, action).toContain(action);
    expect(actions).not.toContain('dynamodb:Scan');
    expect(JSON.stringify(granted)).toMatch(/DataTable/);
    const send = granted.filter((statement) => actionsOf(statement).includes('ses:SendEmail'));
    expect(send).toHaveLength(1);
    expect(send[0]).toMatchObject({
      Action: 'ses:SendEmail',
      Condition: { StringEquals: { 'ses:FromAddress': 'pantau@example.go.id' } },
    });
    const sendResources = JSON.stringify(resourcesOf(send[0]!));
    expect(sendResources).toContain(':identity/pantau@example.go.id');
    expect(sendResources).toContain(':identity/example.go.id');
    expect(sendResources).toContain(`":configuration-set/",{"Ref":"${configSetId}"}`);
    expect(resourcesOf(send[0]!)).toHaveLength(3);
    return send[0]!;
  };

  it('gives Tick the table and SES sending as the configured address only', () => {
    const [, tick] = tickFunction();
    expect(tick.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'] });
    expectTableAndSend(tick);
  });

  it('tells Tick the console’s address, which its letters link to their case in (`CONSOLE_URL`)', () => {
    // The distribution's domain, as the receipts' tracking page: `<it>/cases/<caseId>` in a letter.
    expect(JSON.stringify(environmentOf(tickFunction()[1]).CONSOLE_URL)).toMatch(
      /^\{"Fn::Join":\["",\["https:\/\/",\{"Fn::GetAtt":\["WebDistribution[^"]*","DomainName"\]\}\]\]\}$/,
    );
    // The sweep sends letters as the Tick wrote them: it writes none, and is not told.
    expect(environmentOf(sweepFunction()[1])).not.toHaveProperty('CONSOLE_URL');
  });

  it('tells the API the console’s address too: its invitation letters link to their case', () => {
    // Planning an activity writes the Surat Undangan in the API's own transaction; without the
    // address it said "melalui Pantau" with no link on AWS while the embedded runtime gave one.
    expect(environmentOf(apiFunction()).CONSOLE_URL).toEqual(
      environmentOf(tickFunction()[1]).CONSOLE_URL,
    );
  });

  it('gives the sweep the table, SES sending as the same address, and starting ladders only', () => {
    const [, sweep] = sweepFunction();
    expect(sweep.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'] });
    expect(environmentOf(sweep)).toMatchObject({
      POWERTOOLS_SERVICE_NAME: 'pantau-ladder',
      STATE_MACHINE_ARN: stateMachineArn(),
    });
    // No mail intake here: no receipt is written, so the sweep sends none, and nothing alarms.
    expect(environmentOf(sweep)).not.toHaveProperty('TRACKING_URL');
    expect(
      ofType('AWS::CloudWatch::Alarm').filter(
        ([, alarm]) => alarm.Properties?.MetricName === METRIC.oldestPendingReceiptAge,
      ),
    ).toEqual([]);
    const send = expectTableAndSend(sweep);
    // The same grant as the tick's: same From condition, same identities and configuration set.
    const tickSend = statementsOf(roleIdOf(tickFunction()[1])).find((statement) =>
      actionsOf(statement).includes('ses:SendEmail'),
    );
    expect(send).toEqual(tickSend);
    // Beyond the table, SES, its log group and X-Ray: StartExecution on the ladder machine and
    // DescribeExecution on its executions (is a ladder's execution still running?), no more.
    const granted = statementsOf(roleIdOf(sweep));
    const others = granted.flatMap(actionsOf).filter((action) => !/^(dynamodb|ses):/.test(action));
    expect(others.sort()).toEqual(
      [
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        'states:DescribeExecution',
        'states:StartExecution',
        'xray:PutTelemetryRecords',
        'xray:PutTraceSegments',
      ].sort(),
    );
    const describe = granted.find((statement) =>
      actionsOf(statement).includes('states:DescribeExecution'),
    )!;
    expect(joined(describe.Resource)).toBe(
      'arn:{AWS::Partition}:states:{AWS::Region}:{AWS::AccountId}:execution:PantauTest-ladder:*',
    );
  });

  it('lets only Tick and the sweep send email', () => {
    const senders = ofType('AWS::IAM::Policy').filter(([, policy]) =>
      (policy.Properties?.PolicyDocument as { Statement: Statement[] }).Statement.some(
        (statement) => actionsOf(statement).some((action) => action.startsWith('ses:')),
      ),
    );
    expect(senders.map(([, policy]) => policy.Properties?.Roles)).toEqual(
      expect.arrayContaining([
        [{ Ref: roleIdOf(tickFunction()[1]) }],
        [{ Ref: roleIdOf(sweepFunction()[1]) }],
      ]),
    );
    expect(senders).toHaveLength(2);
    // And no role has SES through an inline policy.
    const sesStatements = statements().filter((statement) =>
      actionsOf(statement).some((action) => action.startsWith('ses:')),
    );
    expect(sesStatements).toHaveLength(2);
    for (const statement of sesStatements) expect(actionsOf(statement)).toEqual(['ses:SendEmail']);
  });

  it('runs the sweep every 15 minutes from an EventBridge rule, without retries', () => {
    const [sweepId] = sweepFunction();
    const [ruleId, rule] = only('AWS::Events::Rule', /EscalationSweepSchedule/);
    expect(rule.Properties).toMatchObject({
      ScheduleExpression: 'rate(15 minutes)',
      State: 'ENABLED',
    });
    const ruleTargets = rule.Properties?.Targets as { Arn: unknown }[];
    expect(ruleTargets).toHaveLength(1);
    expect(ruleTargets[0]!.Arn).toEqual(getAtt(sweepId));
    // EventBridge may invoke the function, from this rule only.
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: getAtt(sweepId),
      Principal: 'events.amazonaws.com',
      SourceArn: getAtt(ruleId),
    });
    // The next run is the retry: no async retries, no event older than one period.
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: sweepId },
      MaximumRetryAttempts: 0,
      MaximumEventAgeInSeconds: 900,
    });
    // Nothing else is scheduled (the scan results' rule matches events).
    expect(
      ofType('AWS::Events::Rule').filter(([, r]) => r.Properties?.ScheduleExpression),
    ).toHaveLength(1);
  });

  it('prints the state machine ARN', () => {
    template.hasOutput('StateMachineArn', { Value: { Ref: stateMachine()[0] } });
  });
});

describe('web console', () => {
  type Behavior = Record<string, unknown> & { TargetOriginId: string };
  type Origin = { Id: string; DomainName: unknown } & Record<string, unknown>;
  const distribution = () => only('AWS::CloudFront::Distribution', /^WebDistribution/);
  const config = () =>
    distribution()[1].Properties?.DistributionConfig as {
      DefaultCacheBehavior: Behavior;
      CacheBehaviors: (Behavior & { PathPattern: string })[];
      Origins: Origin[];
      DefaultRootObject: string;
      Logging: { Bucket: unknown; Prefix: string };
    };
  const originOf = (behavior: Behavior): Origin => {
    const origin = config().Origins.find(({ Id }) => Id === behavior.TargetOriginId);
    if (!origin) throw new Error(`no origin ${behavior.TargetOriginId}`);
    return origin;
  };
  const deployments = () => ofType('Custom::CDKBucketDeployment');
  const siteDeployment = () => {
    const found = deployments().filter(([, d]) => d.Properties?.DistributionPaths !== undefined);
    expect(found).toHaveLength(1);
    return found[0]!;
  };
  // AWS's managed policy ids (CloudFront developer guide).
  const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
  const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
  const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

  it('keeps the console in a private, encrypted, SSL-only bucket', () => {
    const [bucketId, bucket] = only('AWS::S3::Bucket', /^WebBucket/);
    expect(bucket.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
        ],
      },
      LoggingConfiguration: {
        DestinationBucketName: { Ref: only('AWS::S3::Bucket', /^WebAccessLogs/)[0] },
      },
    });
    const [, policy] = ofType('AWS::S3::BucketPolicy').find(
      ([, p]) => (p.Properties?.Bucket as { Ref: string }).Ref === bucketId,
    )!;
    const policyStatements = (
      policy.Properties?.PolicyDocument as {
        Statement: (Statement & { Principal: unknown })[];
      }
    ).Statement;
    expect(policyStatements).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Action: 's3:*',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    );
    // Readers: CloudFront for this distribution only, object by object (no listing).
    const [distributionId] = distribution();
    const cloudFront = policyStatements.filter(
      (statement) =>
        JSON.stringify(statement.Principal) === '{"Service":"cloudfront.amazonaws.com"}',
    );
    expect(cloudFront).toHaveLength(1);
    expect(cloudFront[0]).toMatchObject({ Effect: 'Allow', Action: 's3:GetObject' });
    const condition = cloudFront[0]!.Condition as { StringEquals: Record<string, unknown> };
    expect(joined(condition.StringEquals['AWS:SourceArn'])).toMatch(
      new RegExp(`:distribution/\\{${distributionId}\\}$`),
    );
    // Everyone else allowed is CDK's auto-delete provider (emptying the bucket on destroy).
    const others = policyStatements.filter(
      (statement) => statement.Effect === 'Allow' && !cloudFront.includes(statement),
    );
    expect(others.map((statement) => JSON.stringify(statement.Principal))).toEqual([
      expect.stringMatching(/CustomS3AutoDeleteObjectsCustomResourceProviderRole/),
    ]);
  });

  it('serves the bucket through origin access control on the default behavior, over HTTPS', () => {
    const { DefaultCacheBehavior: behavior, DefaultRootObject } = config();
    expect(DefaultRootObject).toBe('index.html');
    expect(behavior).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      CachePolicyId: CACHING_OPTIMIZED,
    });
    const origin = originOf(behavior);
    const [oacId, oac] = only('AWS::CloudFront::OriginAccessControl', /^WebDistribution/);
    expect(origin).toMatchObject({
      DomainName: {
        'Fn::GetAtt': [only('AWS::S3::Bucket', /^WebBucket/)[0], 'RegionalDomainName'],
      },
      OriginAccessControlId: { 'Fn::GetAtt': [oacId, 'Id'] },
      S3OriginConfig: { OriginAccessIdentity: '' },
    });
    expect(oac.Properties?.OriginAccessControlConfig).toMatchObject({
      OriginAccessControlOriginType: 's3',
      SigningBehavior: 'always',
      SigningProtocol: 'sigv4',
    });
  });

  it('sends /v1/*, /health, /openapi.json and /docs to the HTTP API: every method, uncached, all viewer headers but Host', () => {
    const behaviors = config().CacheBehaviors;
    expect(behaviors.map((behavior) => behavior.PathPattern)).toEqual([...API_PATHS]);
    const [apiId] = only('AWS::ApiGatewayV2::Api', /^ApiHttpApi/);
    for (const behavior of behaviors) {
      expect(behavior, behavior.PathPattern).toMatchObject({
        AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
        CachePolicyId: CACHING_DISABLED,
        OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER,
        ViewerProtocolPolicy: 'https-only',
      });
      // The SPA fallback must never rewrite an API path.
      expect(behavior, behavior.PathPattern).not.toHaveProperty('FunctionAssociations');
      const origin = originOf(behavior);
      expect(joined(origin.DomainName)).toBe(
        `{${apiId}}.execute-api.{AWS::Region}.{AWS::URLSuffix}`,
      );
      expect(origin.CustomOriginConfig).toMatchObject({
        OriginProtocolPolicy: 'https-only',
        OriginSSLProtocols: ['TLSv1.2'],
      });
    }
  });

  it('rewrites client-side routes to /index.html and leaves files alone (the deployed function code)', () => {
    const [functionId, fn] = only('AWS::CloudFront::Function', /^WebSpaFallback/);
    expect(fn.Properties).toMatchObject({
      AutoPublish: true,
      FunctionConfig: { Runtime: 'cloudfront-js-2.0' },
      FunctionCode: SPA_FALLBACK_CODE,
    });
    expect(config().DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [functionId, 'FunctionARN'] } },
    ]);
    type Request = { uri: string; method: string };
    const handler = new Function(
      `${fn.Properties?.FunctionCode as string}\nreturn handler;`,
    )() as (event: { request: Request }) => Request;
    const served = (uri: string) => handler({ request: { uri, method: 'GET' } }).uri;
    for (const route of ['/', '/cases/01ABC', '/track/XYZ', '/auth/callback', '/cases/01ABC/']) {
      expect(served(route), route).toBe('/index.html');
    }
    for (const file of ['/assets/index-abc.js', '/config.json', '/favicon.svg', '/index.html']) {
      expect(served(file), file).toBe(file);
    }
  });

  it('adds HSTS, nosniff, DENY, a referrer policy and a CSP allowing only itself and Cognito to the console', async () => {
    const [policyId, policy] = only(
      'AWS::CloudFront::ResponseHeadersPolicy',
      /^WebSecurityHeaders/,
    );
    expect(config().DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
    const headers = (
      policy.Properties?.ResponseHeadersPolicyConfig as {
        SecurityHeadersConfig: Record<string, Record<string, unknown>>;
      }
    ).SecurityHeadersConfig;
    expect(headers).toMatchObject({
      StrictTransportSecurity: { AccessControlMaxAgeSec: 31_536_000, IncludeSubdomains: true },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin' },
    });
    const [domainId] = only('AWS::Cognito::UserPoolDomain', /^AuthUserPoolDomain/);
    const hosted = `https://{${domainId}}.auth.{AWS::Region}.amazoncognito.com`;
    const csp = Object.fromEntries(
      joined(headers.ContentSecurityPolicy!.ContentSecurityPolicy)
        .split('; ')
        .map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]),
    );
    expect(csp).toEqual({
      'default-src': ["'self'"],
      'connect-src': [
        "'self'",
        'https://cognito-idp.{AWS::Region}.{AWS::URLSuffix}',
        hosted,
        // Attachments' presigned POSTs go straight to the bucket (issue 15).
        'https://*.s3.{AWS::Region}.{AWS::URLSuffix}',
      ],
      'img-src': ["'self'", 'data:'],
      'font-src': ["'self'", 'data:'],
      'style-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'", hosted],
      'frame-ancestors': ["'none'"],
    });
    // The embedded console sends the same policy (its sign-in provider and uploads aside), so
    // what the e2e tests run in Chromium there (the complaint form's ALTCHA widget among it)
    // runs under this one too: the widget's main build did not, and the form could not send.
    const embedded = new Map(
      (
        (
          await withConsole(() => new Response(), { dir: tmpdir() })(
            new Request('http://127.0.0.1/adukan'),
          )
        ).headers.get('content-security-policy') ?? ''
      )
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name!, values] as const),
    );
    for (const [name, values] of Object.entries(csp))
      if (name !== 'connect-src' && name !== 'form-action')
        expect(embedded.get(name), name).toEqual(values);
    expect([...embedded.keys()].sort()).toEqual(Object.keys(csp).sort());
  });

  it("lets the Cognito client send users back to the distribution's console, and to the context URLs", () => {
    const [distributionId] = distribution();
    const [, client] = only('AWS::Cognito::UserPoolClient', /^AuthUserPoolConsoleClient/);
    expect((client.Properties?.CallbackURLs as unknown[]).map(joined)).toEqual([
      `https://{${distributionId}.DomainName}/auth/callback`,
      'http://localhost:5173/auth/callback',
    ]);
    expect((client.Properties?.LogoutURLs as unknown[]).map(joined)).toEqual([
      `https://{${distributionId}.DomainName}/`,
      'http://localhost:5173/',
    ]);
  });

  it('writes /config.json with the issuer the API trusts, the app client, the hosted domain and the console URLs', () => {
    const [, site] = siteDeployment();
    const keys = site.Properties?.SourceObjectKeys as string[];
    const markers = site.Properties?.SourceMarkers as Record<string, unknown>[];
    const index = keys.findIndex((key) => {
      try {
        readFileSync(join(assemblyDir, `asset.${key.replace(/\.zip$/, '')}`, 'config.json'));
        return true;
      } catch {
        return false;
      }
    });
    expect(index).toBeGreaterThanOrEqual(0);
    let text = readFileSync(
      join(assemblyDir, `asset.${keys[index]!.replace(/\.zip$/, '')}`, 'config.json'),
      'utf8',
    );
    for (const [marker, value] of Object.entries(markers[index]!)) {
      text = text.split(marker).join(joined(value));
    }
    const [distributionId] = distribution();
    const [poolId] = only('AWS::Cognito::UserPool', /^AuthUserPool/);
    const [clientId] = only('AWS::Cognito::UserPoolClient', /^AuthUserPoolConsoleClient/);
    const [domainId] = only('AWS::Cognito::UserPoolDomain', /^AuthUserPoolDomain/);
    expect(JSON.parse(text)).toEqual({
      auth: {
        kind: 'cognito',
        authority: `https://cognito-idp.{AWS::Region}.{AWS::URLSuffix}/{${poolId}}`,
        clientId: `{${clientId}}`,
        domain: `https://{${domainId}}.auth.{AWS::Region}.amazoncognito.com`,
        redirectUri: `https://{${distributionId}.DomainName}/auth/callback`,
        logoutUri: `https://{${distributionId}.DomainName}/`,
      },
    });
    expect(joined(environmentOf(apiFunction()).JWT_ISSUER)).toBe(JSON.parse(text).auth.authority);
  });

  it('caches the hashed assets for a year and revalidates the rest, invalidating index.html and config.json', () => {
    const [siteId, site] = siteDeployment();
    const [assetsId, assets] = deployments().find(([id]) => id !== siteId)!;
    expect(deployments()).toHaveLength(2);
    expect(assets.Properties).toMatchObject({
      DestinationBucketKeyPrefix: 'assets/',
      Prune: false,
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
    });
    expect(site.Properties).toMatchObject({
      Prune: true,
      Exclude: ['assets/*'],
      SystemMetadata: { 'cache-control': 'no-cache' },
      DistributionId: { Ref: distribution()[0] },
      DistributionPaths: ['/index.html', '/config.json'],
    });
    expect(site.Properties).not.toHaveProperty('DestinationBucketKeyPrefix');
    // New chunks are uploaded before the index.html that names them.
    expect(
      (template.toJSON().Resources as Record<string, { DependsOn?: string[] }>)[siteId]?.DependsOn,
    ).toEqual(expect.arrayContaining([assetsId]));
  });

  it('logs requests to a retained, SSL-only log bucket; the console bucket goes with the stack', () => {
    const [logsId, logBucket] = only('AWS::S3::Bucket', /^WebAccessLogs/);
    expect(config().Logging).toEqual({
      Bucket: { 'Fn::GetAtt': [logsId, 'RegionalDomainName'] },
      Prefix: 'cloudfront/',
    });
    expect(template.toJSON().Resources[logsId].DeletionPolicy).toBe('RetainExceptOnCreate');
    expect(logBucket.Properties).toMatchObject({
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] },
      LifecycleConfiguration: { Rules: [{ ExpirationInDays: 365, Status: 'Enabled' }] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, RestrictPublicBuckets: true },
    });
    const [consoleId] = only('AWS::S3::Bucket', /^WebBucket/);
    expect(template.toJSON().Resources[consoleId].DeletionPolicy).toBe('Delete');
    template.hasResourceProperties('Custom::S3AutoDeleteObjects', {
      BucketName: { Ref: consoleId },
    });
  });

  it('prints the console URL', () => {
    template.hasOutput('ConsoleUrl', {
      Value: {
        'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distribution()[0], 'DomainName'] }]],
      },
    });
  });

  it('refuses to synthesize without a built console, saying how to build it', () => {
    const synth = (webAssetsPath: string) => () =>
      new PantauStack(new App({ context: cdkJson.context }), 'PantauMissing', {
        ...props,
        webAssetsPath,
      });
    expect(synth(join(projectRoot, 'packages', 'web', 'no-such-dist'))).toThrow(
      'packages/web/no-such-dist is missing: run "npm run build" before cdk synth/deploy',
    );
    const outside = join(webDist, 'missing');
    expect(synth(outside)).toThrow(
      `${outside} is missing: run "npm run build" before cdk synth/deploy`,
    );
    // A directory without index.html is a failed or foreign build.
    expect(synth(join(webDist, 'assets'))).toThrow(
      /assets has no index\.html: run "npm run build"/,
    );
  });
});

describe('re-arming jobs', () => {
  const machine = () => only('AWS::StepFunctions::StateMachine', /^RearmJobs/);
  const task = () => only('AWS::Lambda::Function', /^RearmJobsTask/);
  const rearmArn = () =>
    stack.resolve((stack.node.findChild('RearmJobs') as RearmJobs).stateMachineArn);

  it('is a Standard state machine running rearmJobDefinition (a Distributed Map), its task by substitution', () => {
    const [, m] = machine();
    expect(m.Properties).toMatchObject({
      StateMachineType: 'STANDARD',
      StateMachineName: 'PantauTest-rearm',
      DefinitionSubstitutions: { RearmJobFunctionArn: { 'Fn::GetAtt': [task()[0], 'Arn'] } },
      LoggingConfiguration: { IncludeExecutionData: false, Level: 'ALL' },
      TracingConfiguration: { Enabled: true },
    });
    expect(JSON.parse(m.Properties?.DefinitionString as string)).toEqual(
      JSON.parse(JSON.stringify(rearmJobDefinition)),
    );
  });

  it('may invoke its task, and start, follow and stop its own child executions only', () => {
    const granted = statementsOf(roleIdOf(machine()[1])).filter(
      (st) => !resourcesOf(st).includes('*'),
    );
    const byAction = Object.fromEntries(
      granted.map((st) => [actionsOf(st).join(','), st.Resource]),
    );
    expect(byAction['lambda:InvokeFunction']).toEqual({ 'Fn::GetAtt': [task()[0], 'Arn'] });
    expect(byAction['states:StartExecution']).toEqual(rearmArn());
    expect(JSON.stringify(byAction['states:DescribeExecution,states:StopExecution'])).toContain(
      ':execution:PantauTest-rearm/*',
    );
    expect(JSON.stringify(byAction['states:DescribeMapRun,states:UpdateMapRun'])).toContain(
      ':mapRun:PantauTest-rearm/*',
    );
    expect(Object.keys(byAction)).toHaveLength(4);
  });

  it('lets only the API and the seed start jobs, and gives the task the table and the ladders', () => {
    const starters = ofType('AWS::IAM::Policy').flatMap(([, policy]) =>
      (policy.Properties?.PolicyDocument as { Statement: Statement[] }).Statement.filter(
        (st) =>
          actionsOf(st).includes('states:StartExecution') &&
          resourcesOf(st).some((r) => JSON.stringify(r) === JSON.stringify(rearmArn())),
      ).map(() => policy.Properties?.Roles),
    );
    // The seed starts the job of a holiday year it adds (functions/seed.ts).
    const [, seed] = only('AWS::Lambda::Function', /^SeedHandler/);
    expect(starters).toEqual(
      expect.arrayContaining([
        [{ Ref: roleIdOf(apiFunction()) }],
        [{ Ref: roleIdOf(seed) }],
        [{ Ref: roleIdOf(machine()[1]) }],
      ]),
    );
    expect(starters).toHaveLength(3);
    expect(environmentOf(apiFunction()).REARM_STATE_MACHINE_ARN).toEqual(rearmArn());
    expect(environmentOf(seed).REARM_STATE_MACHINE_ARN).toEqual(rearmArn());
    // Seeded once the machine exists: the ARN the seed is given is built, not a reference.
    const seeding = only('Custom::PantauSeed', /^Seed/)[1] as Resource & { DependsOn?: string[] };
    expect(seeding.DependsOn).toEqual(expect.arrayContaining([machine()[0]]));
    expect(environmentOf(task()[1])).toMatchObject({
      TABLE_NAME: { Ref: expect.stringMatching(/DataTable/) },
      STATE_MACHINE_ARN: expect.anything(),
    });
    expect(task()[1].Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'] });
  });

  it('alarms on a failed job', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/States',
      MetricName: 'ExecutionsFailed',
      Dimensions: [{ Name: 'StateMachineArn', Value: { Ref: machine()[0] } }],
      Threshold: 1,
    });
  });
});

describe('edge: the CloudFront web ACL in a us-east-1 companion stack', () => {
  // Deployed as the README says: Pantau in Jakarta, PantauEdge in us-east-1 (a CloudFront web
  // ACL must be created there), the ACL's ARN passed across regions. Bundling skipped: these
  // assertions are about the templates, not the functions' code.
  let stacks: PantauStacks;
  let edge: Template;
  let main: Template;
  const ENV = { account: '111111111111', region: 'ap-southeast-3' };

  beforeAll(() => {
    const app = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
    stacks = pantauStacks(app, 'Pantau', { ...props, env: ENV });
    edge = Template.fromStack(stacks.edge!);
    main = Template.fromStack(stacks.main);
  }, 120_000);

  type Rule = {
    Name: string;
    Priority: number;
    Statement: Record<string, unknown>;
    Action?: unknown;
    OverrideAction?: unknown;
    VisibilityConfig: Record<string, unknown>;
  };
  const webAcl = () => {
    const acls = Object.entries(edge.findResources('AWS::WAFv2::WebACL'));
    expect(acls).toHaveLength(1);
    const [id, acl] = acls[0]!;
    return [id, acl.Properties as Record<string, unknown> & { Rules: Rule[] }] as const;
  };

  it('is a stack of its own in us-east-1, which the Jakarta stack depends on', () => {
    expect(stacks.edge?.stackName).toBe('PantauEdge');
    expect(stacks.edge?.region).toBe('us-east-1');
    expect(stacks.edge?.account).toBe(ENV.account);
    expect(stacks.main.region).toBe(ENV.region);
    expect(stacks.main.dependencies).toContain(stacks.edge);
  });

  it('holds a CLOUDFRONT-scope web ACL that allows by default, with metrics and no sampled requests', () => {
    const [, acl] = webAcl();
    expect(acl).toMatchObject({
      Scope: 'CLOUDFRONT',
      DefaultAction: { Allow: {} },
      VisibilityConfig: { CloudWatchMetricsEnabled: true, SampledRequestsEnabled: false },
    });
    // Metrics per rule, no sampled requests (they would keep paths and headers, tokens included).
    for (const rule of acl.Rules) {
      expect(rule.VisibilityConfig, rule.Name).toMatchObject({
        CloudWatchMetricsEnabled: true,
        SampledRequestsEnabled: false,
      });
    }
  });

  const pathStartsWith = (prefix: string) => ({
    ByteMatchStatement: {
      FieldToMatch: { UriPath: {} },
      PositionalConstraint: 'STARTS_WITH',
      SearchString: prefix,
      TextTransformations: [
        { Priority: 0, Type: 'URL_DECODE' },
        { Priority: 1, Type: 'NORMALIZE_PATH' },
        { Priority: 2, Type: 'LOWERCASE' },
      ],
    },
  });
  const blockOf = (rule: Rule) => {
    const block = (rule.Action as { Block: { CustomResponse: Record<string, unknown> } }).Block
      .CustomResponse as {
      ResponseCode: number;
      CustomResponseBodyKey: string;
      ResponseHeaders: { Name: string; Value: string }[];
    };
    return block;
  };

  it('limits each client address on the public tracking and complaint routes first: 429 problem with Retry-After', () => {
    const [, acl] = webAcl();
    const rule = acl.Rules.find((r) => r.Priority === 0)!;
    expect(rule.Statement).toEqual({
      RateBasedStatement: {
        AggregateKeyType: 'IP',
        Limit: 300,
        EvaluationWindowSec: 300,
        ScopeDownStatement: {
          OrStatement: {
            Statements: [pathStartsWith('/v1/track'), pathStartsWith('/v1/complaints')],
          },
        },
      },
    });
    // The scope-down covers every route that answers without a token but the docs and health.
    for (const route of PUBLIC_ROUTES.filter((r) => r.path.startsWith('/v1/')))
      expect(['/v1/track', '/v1/complaints'].some((p) => route.path.startsWith(p))).toBe(true);
    for (const route of TRACKING_ROUTES) expect(route.path.startsWith('/v1/track')).toBe(true);
    const block = blockOf(rule);
    expect(block.ResponseCode).toBe(429);
    expect(block.ResponseHeaders).toEqual([{ Name: 'retry-after', Value: '300' }]);
    const body = (
      acl.CustomResponseBodies as Record<string, { ContentType: string; Content: string }>
    )[block.CustomResponseBodyKey]!;
    expect(body.ContentType).toBe('APPLICATION_JSON');
    expect(JSON.parse(body.Content)).toMatchObject({
      type: 'urn:pantau:problem:rate_limited',
      title: 'Too Many Requests',
      status: 429,
      code: 'rate_limited',
    });
  });

  it('then limits sending complaints harder: 20 POSTs to /v1/complaints per address in 10 minutes', () => {
    const [, acl] = webAcl();
    const rule = acl.Rules.find((r) => r.Priority === 1)!;
    expect(rule.Name).toBe('ComplaintRateLimit');
    expect(rule.Statement).toEqual({
      RateBasedStatement: {
        AggregateKeyType: 'IP',
        Limit: 20,
        EvaluationWindowSec: 600,
        ScopeDownStatement: {
          AndStatement: {
            Statements: [
              {
                ByteMatchStatement: {
                  FieldToMatch: { Method: {} },
                  PositionalConstraint: 'EXACTLY',
                  SearchString: 'POST',
                  TextTransformations: [{ Priority: 0, Type: 'NONE' }],
                },
              },
              pathStartsWith('/v1/complaints'),
            ],
          },
        },
      },
    });
    // The challenge (GET) is not counted here: fetching one is not sending a complaint.
    expect(PUBLIC_ROUTES.filter((r) => r.path.startsWith('/v1/complaints'))).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ method: 'GET', path: '/v1/complaints/challenge' }),
        expect.objectContaining({ method: 'POST', path: '/v1/complaints' }),
      ]),
    );
    const block = blockOf(rule);
    expect(block.ResponseCode).toBe(429);
    expect(block.ResponseHeaders).toEqual([{ Name: 'retry-after', Value: '600' }]);
  });

  it("then applies AWS's managed common rule set, counting (not blocking) large bodies the API accepts", () => {
    const [, acl] = webAcl();
    const rule = acl.Rules.find((r) => r.Priority === 2)!;
    expect(rule.OverrideAction).toEqual({ None: {} });
    expect(rule.Statement).toEqual({
      ManagedRuleGroupStatement: {
        VendorName: 'AWS',
        Name: 'AWSManagedRulesCommonRuleSet',
        RuleActionOverrides: [{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }],
      },
    });
    expect(acl.Rules).toHaveLength(3);
  });

  it("attaches the web ACL to the distribution through a cross-region reference to the companion's output", () => {
    const [aclId] = webAcl();
    const [, distribution] = Object.entries(
      main.findResources('AWS::CloudFront::Distribution'),
    )[0]!;
    const webAclId = (distribution.Properties.DistributionConfig as { WebACLId: unknown })
      .WebACLId as {
      'Fn::GetStackOutput': { StackName: string; OutputName: string; Region: string };
    };
    expect(webAclId['Fn::GetStackOutput']).toMatchObject({
      StackName: 'PantauEdge',
      Region: 'us-east-1',
    });
    const outputs = edge.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(outputs[webAclId['Fn::GetStackOutput'].OutputName]?.Value).toEqual({
      'Fn::GetAtt': [aclId, 'Arn'],
    });
  });

  it('passes cdk-nag with zero unacknowledged findings in both stacks, the WAF acknowledgement gone', () => {
    for (const stack of [stacks.main, stacks.edge!]) {
      const report = new AwsSolutionsChecks().validateScope(stack);
      const findings = report.violations.map(
        (v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
      );
      expect(findings, stack.stackName).toEqual([]);
    }
    expect(acknowledged(stacks.main).map(([id]) => id)).not.toContain('AwsSolutions-CFR2');
  });

  it('warns at synth when letters would go out from the placeholder address, and not when the deploy names one', () => {
    const mailFromWarnings = (mailFrom: string) => {
      const { main } = pantauStacks(
        new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } }),
        'Pantau',
        { ...props, mailFrom },
      );
      return Annotations.fromStack(main).findWarning('*', Match.stringLikeRegexp('mailFrom'));
    };
    expect(mailFromWarnings('pantau@example.go.id')).toHaveLength(1);
    expect(mailFromWarnings('pantau@setneg.go.id')).toHaveLength(0);
  });

  it('warns at synth when there is no hosted sign-in domain (nobody could sign in), and not with one', () => {
    const domainWarnings = (authDomainPrefix: string | undefined) => {
      const { authDomainPrefix: _omitted, ...rest } = props;
      const { main } = pantauStacks(
        new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } }),
        'Pantau',
        { ...rest, ...(authDomainPrefix ? { authDomainPrefix } : {}) },
      );
      return Annotations.fromStack(main).findWarning(
        '*',
        Match.stringLikeRegexp('pantau:auth-domain'),
      );
    };
    const warnings = domainWarnings(undefined);
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0]!.entry.data)).toMatch(/-c authDomainPrefix=/);
    expect(domainWarnings('pantau-example')).toHaveLength(0);
  });

  it('an environment-agnostic synth has no companion (cross-region references need a region): no WAF, said and acknowledged', () => {
    const agnostic = pantauStacks(
      new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } }),
      'Pantau',
      props,
    );
    expect(agnostic.edge).toBeUndefined();
    const config = Template.fromStack(agnostic.main).findResources('AWS::CloudFront::Distribution');
    expect(
      Object.values(config)[0]!.Properties.DistributionConfig as Record<string, unknown>,
    ).not.toHaveProperty('WebACLId');
    const warnings = Annotations.fromStack(agnostic.main).findWarning(
      '*',
      Match.stringLikeRegexp('No region at synth: no WAF'),
    );
    expect(warnings).toHaveLength(1);
    const [, reason] = acknowledged(agnostic.main).find(([id]) => id === 'AwsSolutions-CFR2')!;
    expect(reason).toMatch(/environment-agnostic/);
  });
});

/** Every cdk-nag acknowledgement under a scope, as [rule id, reason] (`AwsSolutions-CFR2`). */
function acknowledged(scope: IConstruct): [string, string][] {
  const found: [string, string][] = [];
  const visit = (construct: IConstruct): void => {
    for (const entry of construct.node.metadata) {
      if (entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY) {
        // Recorded qualified by the plugin's namespace: `AwsSolutions::AwsSolutions-CFR2`.
        for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
          found.push([id.slice(id.lastIndexOf('::') + 2), reason]);
        }
      }
    }
    construct.node.children.forEach(visit);
  };
  visit(scope);
  return found;
}

describe('observability', () => {
  const topicId = () => only('AWS::SNS::Topic', /^ObservabilityAlarms/)[0];
  const alarms = () => ofType('AWS::CloudWatch::Alarm').map(([, alarm]) => alarm.Properties!);
  const functionId = (id: RegExp) => only('AWS::Lambda::Function', id)[0];

  it('sends every alarm, and its recovery, to one SSL-only topic that e-mails the configured address', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.go.id',
      TopicArn: { Ref: topicId() },
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
    expect(alarms().length).toBeGreaterThanOrEqual(14);
    for (const alarm of alarms()) {
      expect(alarm.AlarmActions, String(alarm.AlarmDescription)).toEqual([{ Ref: topicId() }]);
      expect(alarm.OKActions, String(alarm.AlarmDescription)).toEqual([{ Ref: topicId() }]);
    }
  });

  it('lets CloudWatch publish the alarms to the topic (a topic policy replaces the default one)', () => {
    // enforceSSL makes a topic policy with only its Deny, and a topic policy replaces SNS's
    // default one: without this Allow, CloudWatch may not publish and no alarm is delivered.
    const [, policy] = ofType('AWS::SNS::TopicPolicy').find(([, p]) =>
      JSON.stringify(p.Properties!.Topics).includes(topicId()),
    )!;
    const statements = (
      policy.Properties!.PolicyDocument as { Statement: (Statement & { Principal?: unknown })[] }
    ).Statement;
    const allow = statements.filter((statement) => statement.Effect === 'Allow');
    expect(allow).toHaveLength(1);
    expect(allow[0]).toMatchObject({
      Principal: { Service: 'cloudwatch.amazonaws.com' },
      Action: 'sns:Publish',
      Resource: { Ref: topicId() },
    });
    // Only this account's alarms: CloudWatch publishes as itself for every account.
    const condition = allow[0]!.Condition as {
      StringEquals: Record<string, unknown>;
      ArnLike: Record<string, unknown>;
    };
    expect(condition.StringEquals['aws:SourceAccount']).toEqual({ Ref: 'AWS::AccountId' });
    expect(joined(condition.ArnLike['aws:SourceArn'])).toBe(
      'arn:{AWS::Partition}:cloudwatch:{AWS::Region}:{AWS::AccountId}:alarm:*',
    );
    // Not KMS-encrypted: CloudWatch needs no key grant (AwsSolutions-SNS2, acknowledged).
    const [, topic] = only('AWS::SNS::Topic', /^ObservabilityAlarms/);
    expect(topic.Properties).not.toHaveProperty('KmsMasterKeyId');
  });

  it('alarms on the API: a 5xx share of requests, and p99 latency', () => {
    const [apiId] = only('AWS::ApiGatewayV2::Api', /ApiHttpApi/);
    const rate = alarms().find((alarm) =>
      JSON.stringify(alarm.Metrics ?? []).includes('100 * errors / requests'),
    );
    expect(rate).toMatchObject({ Threshold: 5, ComparisonOperator: 'GreaterThanThreshold' });
    const metrics = JSON.stringify(rate!.Metrics);
    expect(metrics).toContain('"MetricName":"5xx"');
    expect(metrics).toContain('"MetricName":"Count"');
    expect(metrics).toContain(`{"Name":"ApiId","Value":{"Ref":"${apiId}"}}`);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/ApiGateway',
      MetricName: 'Latency',
      ExtendedStatistic: 'p99',
      Dimensions: [{ Name: 'ApiId', Value: { Ref: apiId } }],
      Threshold: 3000,
    });
  });

  it('alarms on errors and throttles of every function, and on failed or timed-out ladders', () => {
    const fns = {
      api: functionId(/^ApiHandler/),
      tick: functionId(/^EscalationTick/),
      continue: functionId(/^EscalationContinue/),
      sweep: functionId(/^EscalationSweep/),
    };
    const on = (metric: string, id: string) =>
      alarms().some(
        (alarm) =>
          alarm.Namespace === 'AWS/Lambda' &&
          alarm.MetricName === metric &&
          JSON.stringify(alarm.Dimensions) ===
            JSON.stringify([{ Name: 'FunctionName', Value: { Ref: id } }]),
      );
    for (const [name, id] of Object.entries(fns)) {
      expect(on('Errors', id), `${name} errors`).toBe(true);
    }
    // Throttles: every function with Powertools (`observed`), each with its own alarm, so a
    // function added later cannot be forgotten (the re-arming task among them).
    const observed = tracedFunctions().map(([id]) => id);
    expect(observed).toContain(functionId(/^RearmJobsTask/));
    for (const id of observed) {
      const throttles = alarms().filter(
        (alarm) =>
          alarm.Namespace === 'AWS/Lambda' &&
          alarm.MetricName === 'Throttles' &&
          JSON.stringify(alarm.Dimensions) ===
            JSON.stringify([{ Name: 'FunctionName', Value: { Ref: id } }]),
      );
      expect(throttles, `${id} throttles`).toHaveLength(1);
    }
    const [machineId] = only('AWS::StepFunctions::StateMachine', /Escalation/);
    for (const metric of ['ExecutionsFailed', 'ExecutionsTimedOut']) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/States',
        MetricName: metric,
        Dimensions: [{ Name: 'StateMachineArn', Value: { Ref: machineId } }],
        Threshold: 1,
      });
    }
  });

  it("alarms on the oldest undelivered letter and on failed letters (the sweep's metrics), and on SES bounces and complaints", () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'Pantau',
      MetricName: METRIC.oldestUndeliveredAge,
      Dimensions: [{ Name: 'service', Value: 'pantau-ladder' }],
      Statistic: 'Maximum',
      Period: 900,
      Threshold: 3600,
      ComparisonOperator: 'GreaterThanThreshold',
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'Pantau',
      MetricName: METRIC.lettersFailed,
      Dimensions: [{ Name: 'service', Value: 'pantau-ladder' }],
      Statistic: 'Sum',
      Threshold: 1,
    });
    for (const metric of ['Reputation.BounceRate', 'Reputation.ComplaintRate']) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SES',
        MetricName: metric,
        Statistic: 'Maximum',
        ComparisonOperator: 'GreaterThanThreshold',
      });
    }
  });

  it('notices a sweep that stopped running: its invocations, missing data breaching', () => {
    // The outbox alarm reads a figure only the sweep publishes: without a run it has no data,
    // which it must not take for a healthy outbox. The sweep runs every 15 minutes; two missed
    // runs in a row (no invocation in 30 minutes) alarm.
    const sweep = functionId(/^EscalationSweep/);
    const heartbeat = alarms().filter(
      (alarm) =>
        alarm.Namespace === 'AWS/Lambda' &&
        alarm.MetricName === 'Invocations' &&
        JSON.stringify(alarm.Dimensions) ===
          JSON.stringify([{ Name: 'FunctionName', Value: { Ref: sweep } }]),
    );
    expect(heartbeat).toHaveLength(1);
    expect(heartbeat[0]).toMatchObject({
      Statistic: 'Sum',
      Period: 1800,
      Threshold: 1,
      ComparisonOperator: 'LessThanThreshold',
      TreatMissingData: 'breaching',
      EvaluationPeriods: 1,
      AlarmActions: [{ Ref: topicId() }],
      OKActions: [{ Ref: topicId() }],
    });
    // The outbox alarm itself says where a stopped sweep is noticed.
    const outbox = alarms().find((alarm) => alarm.MetricName === METRIC.oldestUndeliveredAge);
    // Rendered: it names the sweep's log group, a reference until deployed.
    expect(joined(outbox?.AlarmDescription)).toMatch(/SweepStopped/);
  });

  it('has a dashboard of the API, the functions, the ladders, the letters and the business figures', () => {
    const [, dashboard] = only('AWS::CloudWatch::Dashboard', /^ObservabilityDashboard/);
    const body = joined(dashboard.Properties?.DashboardBody);
    for (const name of [
      '5xx',
      'Latency',
      'Throttles',
      'ExecutionsFailed',
      'ExecutionsTimedOut',
      'Reputation.BounceRate',
      // MailRefused is the mail intake's, absent here (a metric without an alarm: see infra/README).
      ...Object.values(METRIC).filter(
        (name) => name !== METRIC.lettersWritten && name !== METRIC.mailRefused,
      ),
    ])
      expect(body, name).toContain(`"${name}"`);
    // Letters by rung and SES events by agency: one line per dimension value, found by search.
    const expressions = (
      JSON.parse(body) as { widgets: { properties: { metrics?: unknown[][] } }[] }
    ).widgets.flatMap((widget) =>
      (widget.properties.metrics ?? []).flatMap((line) =>
        line.flatMap((part) => (part as { expression?: string }).expression ?? []),
      ),
    );
    expect(expressions).toContain(
      `SEARCH('{Pantau,rung,service} MetricName="${METRIC.lettersWritten}"', 'Sum', 3600)`,
    );
    expect(expressions).toContain(`SEARCH('{AWS/SES,agency} MetricName="Bounce"', 'Sum', 3600)`);
  });

  it('gives each function its Powertools service and namespace from the stack, and traces it with X-Ray', () => {
    const services = Object.fromEntries(
      tracedFunctions().map(([id, fn]) => [id.replace(/[0-9A-F]{8}$/, ''), environmentOf(fn)]),
    );
    expect(Object.keys(services).sort()).toEqual(
      [
        'ApiHandler',
        'EscalationContinue',
        'EscalationSweep',
        'EscalationTick',
        'LetterBouncesHandler',
        'RearmJobsTask',
        'ScanResultsHandler',
      ].sort(),
    );
    for (const [id, env] of Object.entries(services)) {
      expect(env, id).toMatchObject({
        // Attachments' scan results are the API's.
        POWERTOOLS_SERVICE_NAME: /^(Api|ScanResults)Handler$/.test(id)
          ? 'pantau-api'
          : 'pantau-ladder',
        POWERTOOLS_METRICS_NAMESPACE: 'Pantau',
        LOG_LEVEL: 'INFO',
      });
    }
    for (const [id, fn] of tracedFunctions())
      expect(fn.Properties?.TracingConfig, id).toEqual({ Mode: 'Active' });
  });
});

describe('alarm e-mails: what the operator woken by one reads', () => {
  // The e-mail carries the alarm's description: it says where to look (a log group, a Logs
  // Insights filter, a route, a queue, the dashboard, a state machine's executions) and what to
  // do next. "The Api Lambda threw errors." said neither, and six throttles alarms said the same.
  const WHERE =
    /(log group|Logs Insights|GET \/v1\/|queue|dashboard|Step Functions console|X-Ray|EventBridge rule)/;
  const NEXT =
    /\b(fix|correct|replay|request|roll (it )?back|retry|restart|presses|press|delete|check|act|infra\/README\.md)\b/i;
  // As the e-mail shows it: a log group's name is a reference until deployed.
  const descriptions = () =>
    ofType('AWS::CloudWatch::Alarm').map(
      ([id, alarm]) =>
        [id.replace(/[0-9A-F]{8}$/, ''), joined(alarm.Properties?.AlarmDescription)] as const,
    );

  it('says in every alarm where to look and what to do, within CloudWatch’s 1024 characters', () => {
    expect(descriptions().length).toBeGreaterThanOrEqual(21);
    const vague = descriptions().filter(
      ([, text]) => !WHERE.test(text) || !NEXT.test(text) || text.length > 1024,
    );
    expect(Object.fromEntries(vague)).toEqual({});
  });

  it('gives no two alarms the same text: each throttles alarm names its function', () => {
    const byText = new Map<string, string[]>();
    for (const [id, text] of descriptions()) byText.set(text, [...(byText.get(text) ?? []), id]);
    const shared = [...byText.values()].filter((ids) => ids.length > 1);
    expect(shared).toEqual([]);
    for (const [id, text] of descriptions().filter(([id]) => id.endsWith('ThrottlesAlarm')))
      expect(text, id).toContain(
        `The ${id.replace(/^Observability|ThrottlesAlarm$/g, '')} function`,
      );
  });

  it('names the log group and the state machine to open, not just "the function"', () => {
    const text = Object.fromEntries(descriptions());
    const tickLogs = only('AWS::Logs::LogGroup', /^EscalationTickLogGroup/)[0];
    expect(text.EscalationTickErrorsAlarm).toContain(`{${tickLogs}}`);
    expect(text.EscalationExecutionsFailedAlarm).toContain('PantauTest-ladder');
    expect(text.ObservabilityApiErrorsAlarm).toContain(
      `{${only('AWS::Logs::LogGroup', /^ApiHandlerLogGroup/)[0]}}`,
    );
    expect(text.ObservabilityLettersFailedAlarm).toContain('GET /v1/notifications/failed');
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

describe('mail intake: the message’s files and .eml go to the attachments bucket', () => {
  // A receiving region (SES receives nowhere near Jakarta): see infra/README.md.
  let mail: Template;
  let mailStack: Stack;
  beforeAll(() => {
    const app = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
    const stacks = pantauStacks(app, 'PantauMail', {
      ...props,
      env: { account: '111111111111', region: 'eu-west-1' },
      mailIntake: { recipients: ['pengaduan@example.go.id'], staffDomains: ['setneg.go.id'] },
      lettersReplyTo: 'dumas@example.go.id',
    });
    mailStack = stacks.main;
    mail = Template.fromStack(stacks.main);
  }, 120_000);

  it('synthesizes with zero unacknowledged cdk-nag findings (the CLI refuses any)', () => {
    const report = new AwsSolutionsChecks().validateScope(mailStack);
    const findings = report.violations.map(
      (v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
    );
    expect(findings, `\n${findings.join('\n')}`).toEqual([]);
  });

  it('tells the function central’s staff mail domains (`-c mailStaffDomains`)', () => {
    const functions = Object.entries(mail.findResources('AWS::Lambda::Function'));
    const [, handler] = functions.find(([id]) => /MailIntakeHandler/.test(id))!;
    const env = (handler.Properties.Environment as { Variables: Record<string, unknown> })
      .Variables;
    expect(env.MAIL_STAFF_DOMAINS).toBe('setneg.go.id');
  });

  it('may send the complainant’s receipt as the letters’ address only, naming the tracking page', () => {
    const functions = Object.entries(mail.findResources('AWS::Lambda::Function'));
    const [, handler] = functions.find(([id]) => /MailIntakeHandler/.test(id))!;
    const env = (handler.Properties.Environment as { Variables: Record<string, unknown> })
      .Variables;
    const [configSetId] = Object.keys(mail.findResources('AWS::SES::ConfigurationSet'));
    expect(env).toMatchObject({
      MAIL_FROM: 'pantau@example.go.id',
      SES_CONFIGURATION_SET: { Ref: configSetId },
      // A reply to the receipt comes to the complaint address, not the letters' one.
      MAIL_REPLY_TO: 'pengaduan@example.go.id',
    });
    // The console's tracking page (CloudFront's domain), never a code in it.
    expect(JSON.stringify(env.TRACKING_URL)).toMatch(/WebDistribution.*DomainName.*\/track"/);
    const roleId = (handler.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const send = Object.values(mail.findResources('AWS::IAM::Policy'))
      .filter((p) => (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === roleId))
      .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement)
      .filter((s) => [s.Action].flat().some((a) => String(a).startsWith('ses:')));
    // The letters' grant (infra/notify.ts): SendEmail on the address's identity, its domain's
    // and the configuration set, from that address alone.
    expect(send).toHaveLength(1);
    expect(send[0]).toMatchObject({
      Action: 'ses:SendEmail',
      Condition: { StringEquals: { 'ses:FromAddress': 'pantau@example.go.id' } },
    });
    const resources = JSON.stringify(send[0]!.Resource);
    expect(resources).toContain(':identity/pantau@example.go.id');
    expect(resources).toContain(':identity/example.go.id');
    expect(resources).toContain(`:configuration-set/",{"Ref":"${configSetId}"}`);
  });

  it('lets the sweep send a receipt whose send failed, as the intake sends it; alarmed after a day', () => {
    const functions = Object.entries(mail.findResources('AWS::Lambda::Function'));
    const envOf = (id: RegExp) =>
      (
        functions.find(([logicalId]) => id.test(logicalId))![1].Properties.Environment as {
          Variables: Record<string, unknown>;
        }
      ).Variables;
    const handler = envOf(/MailIntakeHandler/);
    const sweep = envOf(/^EscalationSweep/);
    // The same tracking page, Reply-To, sender and configuration set as the intake's.
    for (const name of ['TRACKING_URL', 'MAIL_REPLY_TO', 'MAIL_FROM', 'SES_CONFIGURATION_SET'])
      expect(sweep[name], name).toEqual(handler[name]);
    expect(sweep.MAIL_REPLY_TO).toBe('pengaduan@example.go.id');
    const [topicId] = Object.keys(mail.findResources('AWS::SNS::Topic'));
    mail.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'Pantau',
      MetricName: METRIC.oldestPendingReceiptAge,
      Dimensions: [{ Name: 'service', Value: 'pantau-ladder' }],
      Statistic: 'Maximum',
      Period: 900,
      Threshold: 86_400,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: [{ Ref: topicId }],
    });
  });

  it('gives the letters the unit’s mailbox as Reply-To (`-c lettersReplyTo`), the receipts still the complaint address', () => {
    const functions = Object.entries(mail.findResources('AWS::Lambda::Function'));
    const envOf = (id: RegExp) =>
      (
        functions.find(([logicalId]) => id.test(logicalId))![1].Properties.Environment as {
          Variables: Record<string, unknown>;
        }
      ).Variables;
    // Those that send letters: the Tick, and the sweep (held letters, retries).
    expect(envOf(/^EscalationTick/).LETTERS_REPLY_TO).toBe('dumas@example.go.id');
    expect(envOf(/^EscalationSweep/).LETTERS_REPLY_TO).toBe('dumas@example.go.id');
    // The intake sends receipts only, whose answers come back to it.
    expect(envOf(/MailIntakeHandler/).LETTERS_REPLY_TO).toBeUndefined();
    expect(envOf(/MailIntakeHandler/).MAIL_REPLY_TO).toBe('pengaduan@example.go.id');
    // Not named: no function has one (the main stack of this file names none).
    for (const [id, fn] of ofType('AWS::Lambda::Function'))
      expect(
        (fn.Properties?.Environment as { Variables?: Record<string, unknown> } | undefined)
          ?.Variables?.LETTERS_REPLY_TO,
        id,
      ).toBeUndefined();
  });

  it('tells the API the complaint addresses, so the document settings refuse them as the unit’s e-mail', () => {
    const functions = Object.entries(mail.findResources('AWS::Lambda::Function'));
    const [, api] = functions.find(
      ([, fn]) =>
        (fn.Properties.Environment as { Variables: Record<string, unknown> } | undefined)?.Variables
          .POWERTOOLS_SERVICE_NAME === 'pantau-api',
    )!;
    const env = (api.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(env.MAIL_INTAKE_RECIPIENTS).toBe('pengaduan@example.go.id');
    // As the API function parses it at cold start (functions/config.ts).
    expect(MailIntakeRecipients.parse(env.MAIL_INTAKE_RECIPIENTS)).toEqual([
      'pengaduan@example.go.id',
    ]);
    expect(MailIntakeRecipients.parse(' Pengaduan@Example.go.id, .lapor.go.id ,')).toEqual([
      'pengaduan@example.go.id',
      '.lapor.go.id',
    ]);
    // No mail intake (the main stack of this file): none, and none is refused.
    expect(environmentOf(apiFunction())).not.toHaveProperty('MAIL_INTAKE_RECIPIENTS');
  });

  it('refuses a complaint address as the letters’ Reply-To: an agency’s answer would become a complaint', () => {
    const build = (lettersReplyTo: string, recipients: string[]) => () =>
      pantauStacks(new App({ context: cdkJson.context }), 'PantauReplyTo', {
        ...props,
        env: { account: '111111111111', region: 'eu-west-1' },
        mailIntake: { recipients },
        lettersReplyTo,
      });
    const refusal = /lettersReplyTo .* complaint address/;
    expect(build('Pengaduan@example.go.id', ['pengaduan@example.go.id'])).toThrow(refusal);
    // A domain SES receives every address of.
    expect(build('dumas@pengaduan.example.go.id', ['pengaduan.example.go.id'])).toThrow(refusal);
    expect(build('dumas@sub.example.go.id', ['.example.go.id'])).toThrow(refusal);
  });

  it('reads the inbox only as GetObject under inbound/, nothing else of it', () => {
    const functions = Object.entries(mail.findResources('AWS::Lambda::Function'));
    const [, handler] = functions.find(([id]) => /MailIntakeHandler/.test(id))!;
    const roleId = (handler.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const [inboxId] = Object.keys(mail.findResources('AWS::S3::Bucket')).filter((id) =>
      /MailIntakeInbox/.test(id),
    );
    const onInbox = Object.values(mail.findResources('AWS::IAM::Policy'))
      .filter((p) => (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === roleId))
      .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement)
      .filter((s) => JSON.stringify(s.Resource).includes(inboxId!));
    expect(onInbox.map((s) => [s.Action].flat())).toEqual([['s3:GetObject']]);
    expect(JSON.stringify(onInbox[0]!.Resource)).toContain('/inbound/*');
  });

  it('may write and delete cases/* in the attachments bucket, never read or presign there', () => {
    const functions = Object.entries(mail.findResources('AWS::Lambda::Function'));
    const [, handler] = functions.find(([id]) => /MailIntakeHandler/.test(id))!;
    const env = (handler.Properties.Environment as { Variables: Record<string, unknown> })
      .Variables;
    const [bucketId] = Object.keys(mail.findResources('AWS::S3::Bucket')).filter((id) =>
      /DocumentsAttachments/.test(id),
    );
    expect(bucketId).toBeDefined();
    expect(env.ATTACHMENTS_BUCKET).toEqual({ Ref: bucketId });
    const roleId = (handler.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const statements = Object.values(mail.findResources('AWS::IAM::Policy'))
      .filter((p) => (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === roleId))
      .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
    const onAttachments = statements.filter((s) => JSON.stringify(s.Resource).includes(bucketId!));
    expect(onAttachments).toHaveLength(1);
    expect([onAttachments[0]!.Action].flat().sort()).toEqual(['s3:DeleteObject', 's3:PutObject']);
    expect(JSON.stringify(onAttachments[0]!.Resource)).toContain('/cases/*');
  });

  it('tells the operator when a message could not be made a case: an alarm on the topic', () => {
    const functions = Object.entries(mail.findResources('AWS::Lambda::Function'));
    const [handlerId] = functions.find(([id]) => /MailIntakeHandler/.test(id))!;
    const alarms = Object.values(mail.findResources('AWS::CloudWatch::Alarm')).filter(
      (a) =>
        a.Properties.MetricName === 'Errors' &&
        JSON.stringify(a.Properties.Dimensions).includes(handlerId),
    );
    expect(alarms).toHaveLength(1);
    const [topicId] = Object.keys(mail.findResources('AWS::SNS::Topic'));
    expect(alarms[0]!.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
    expect(alarms[0]!.Properties.AlarmDescription).toMatch(/inbound\//);
  });

  it('reserves the intake function 5 concurrent runs: a burst of mail cannot starve the API; none with 0', () => {
    // Unreserved, slow messages (a crafted one ran for the whole 60 s timeout, retried twice)
    // could take the account's whole pool from the API, Tick and the sweep. Throttled, S3's
    // events wait and are retried for up to six hours, then go to the dead-letter queue.
    const functions = Object.entries(mail.findResources('AWS::Lambda::Function'));
    const [, handler] = functions.find(([id]) => /MailIntakeHandler/.test(id))!;
    expect(handler.Properties.ReservedConcurrentExecutions).toBe(5);
    // `-c mailIntakeConcurrency=0`: none reserved, for an account whose quota (below 105) leaves
    // none to reserve, where a reservation would fail the deploy.
    const app = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
    const unreserved = Template.fromStack(
      pantauStacks(app, 'PantauMailUnreserved', {
        ...props,
        env: { account: '111111111111', region: 'eu-west-1' },
        mailIntake: { recipients: ['pengaduan@example.go.id'], concurrency: 0 },
      }).main,
    );
    const [, none] = Object.entries(unreserved.findResources('AWS::Lambda::Function')).find(
      ([id]) => /MailIntakeHandler/.test(id),
    )!;
    expect(none.Properties.ReservedConcurrentExecutions).toBeUndefined();
  }, 120_000);

  it('alarms when the intake function is throttled (S3 invokes it asynchronously)', () => {
    const functions = Object.entries(mail.findResources('AWS::Lambda::Function'));
    const [handlerId] = functions.find(([id]) => /MailIntakeHandler/.test(id))!;
    const throttles = Object.values(mail.findResources('AWS::CloudWatch::Alarm')).filter(
      (a) =>
        a.Properties.MetricName === 'Throttles' &&
        JSON.stringify(a.Properties.Dimensions) ===
          JSON.stringify([{ Name: 'FunctionName', Value: { Ref: handlerId } }]),
    );
    expect(throttles).toHaveLength(1);
    const [topicId] = Object.keys(mail.findResources('AWS::SNS::Topic'));
    expect(throttles[0]!.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
  });

  it('keeps an event S3 could not deliver (retries or age exhausted) in an encrypted, SSL-only dead-letter queue, and alarms on it', () => {
    const functions = Object.entries(mail.findResources('AWS::Lambda::Function'));
    const [, handler] = functions.find(([id]) => /MailIntakeHandler/.test(id))!;
    const queues = Object.entries(mail.findResources('AWS::SQS::Queue')).filter(([id]) =>
      /^MailIntake/.test(id),
    );
    expect(queues).toHaveLength(1);
    const [queueId, queue] = queues[0]!;
    expect(handler.Properties.DeadLetterConfig).toEqual({ TargetArn: getAtt(queueId) });
    expect(queue.Properties).toMatchObject({
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 14 * 24 * 3600,
    });
    expect(JSON.stringify(mail.findResources('AWS::SQS::QueuePolicy'))).toContain(
      '"aws:SecureTransport":"false"',
    );
    const depth = Object.values(mail.findResources('AWS::CloudWatch::Alarm')).filter(
      (a) =>
        a.Properties.Namespace === 'AWS/SQS' &&
        a.Properties.MetricName === 'ApproximateNumberOfMessagesVisible' &&
        JSON.stringify(a.Properties.Dimensions).includes(queueId),
    );
    expect(depth).toHaveLength(1);
    const [topicId] = Object.keys(mail.findResources('AWS::SNS::Topic'));
    expect(depth[0]!.Properties).toMatchObject({
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: [{ Ref: topicId }],
    });
    expect(depth[0]!.Properties.AlarmDescription).toMatch(/inbound\//);
  });

  it('outputs the function and the dead-letter queue a replay needs (infra/README.md, "Replay a message")', () => {
    const outputs = mail.findOutputs('*');
    const functions = Object.entries(mail.findResources('AWS::Lambda::Function'));
    const [handlerId] = functions.find(([id]) => /MailIntakeHandler/.test(id))!;
    const [queueId] = Object.keys(mail.findResources('AWS::SQS::Queue')).filter((id) =>
      /^MailIntake/.test(id),
    );
    expect(outputs.MailIntakeFunctionName?.Value).toEqual({ Ref: handlerId });
    expect(outputs.MailIntakeUndeliveredQueueUrl?.Value).toEqual({ Ref: queueId });
    expect(outputs.MailIntakeInboxBucket?.Value).toEqual({
      Ref: Object.keys(mail.findResources('AWS::S3::Bucket')).find((id) =>
        /MailIntakeInbox/.test(id),
      ),
    });
  });
});
