import { App, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ladderDefinition, STATE } from '@pantau/workflow';
import { PUBLIC_ROUTES } from '../../infra/api.ts';
import { type Escalation, STATE_MACHINE_SERVICE_ACTIONS } from '../../infra/escalation.ts';
import { PantauStack } from '../../infra/pantau-stack.ts';

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

beforeAll(() => {
  const app = new App({ context: cdkJson.context });
  stack = new PantauStack(app, 'PantauTest', {
    callbackUrls: ['http://localhost:5173/auth/callback'],
    logoutUrls: ['http://localhost:5173/'],
    logLevel: 'INFO',
    mailFrom: 'pantau@example.go.id',
  });
  // One synthesis for the file (it bundles every function with esbuild).
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
      'POST /v1/track/{trackingCode}/reply',
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
  });

  it("grants Resource * only for the state machine's log delivery and X-Ray, which have no resources", () => {
    const anyResource = statements().filter((statement) => resourcesOf(statement).includes('*'));
    expect(anyResource.map(actionsOf)).toEqual([[...STATE_MACHINE_SERVICE_ACTIONS].sort()]);
    const [, stateMachine] = only('AWS::StepFunctions::StateMachine', /Escalation/);
    expect(statementsOf(roleIdOf(stateMachine))).toContainEqual(anyResource[0]);
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

  it('lets the API, the continue function and the sweep start executions of this state machine only', () => {
    const starters = ofType('AWS::IAM::Policy').flatMap(([, policy]) =>
      (policy.Properties?.PolicyDocument as { Statement: Statement[] }).Statement.filter(
        (statement) => actionsOf(statement).some((action) => action.startsWith('states:')),
      ).map((statement) => ({ roles: policy.Properties?.Roles, statement })),
    );
    const apiRole = roleIdOf(apiFunction());
    const continueRole = roleIdOf(continueFunction()[1]);
    const sweepRole = roleIdOf(sweepFunction()[1]);
    expect(starters.map(({ roles }) => roles)).toEqual(
      expect.arrayContaining([[{ Ref: apiRole }], [{ Ref: continueRole }], [{ Ref: sweepRole }]]),
    );
    expect(starters).toHaveLength(3);
    for (const { statement } of starters) {
      expect(statement).toEqual({
        Effect: 'Allow',
        Action: 'states:StartExecution',
        Resource: stateMachineArn(),
      });
    }
    for (const fn of [apiFunction(), continueFunction()[1], sweepFunction()[1]]) {
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

  it('gives the sweep the table, SES sending as the same address, and starting ladders only', () => {
    const [, sweep] = sweepFunction();
    expect(sweep.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'] });
    expect(environmentOf(sweep)).toMatchObject({
      POWERTOOLS_SERVICE_NAME: 'pantau-ladder',
      STATE_MACHINE_ARN: stateMachineArn(),
    });
    const send = expectTableAndSend(sweep);
    // The same grant as the tick's: same From condition, same identities and configuration set.
    const tickSend = statementsOf(roleIdOf(tickFunction()[1])).find((statement) =>
      actionsOf(statement).includes('ses:SendEmail'),
    );
    expect(send).toEqual(tickSend);
    // Beyond the table, SES and its log group: StartExecution on the ladder machine, nothing else.
    const others = statementsOf(roleIdOf(sweep))
      .flatMap(actionsOf)
      .filter((action) => !/^(dynamodb|ses):/.test(action));
    expect(others.sort()).toEqual(
      ['logs:CreateLogStream', 'logs:PutLogEvents', 'states:StartExecution'].sort(),
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
    // Nothing else is scheduled.
    expect(ofType('AWS::Events::Rule')).toHaveLength(1);
  });

  it('prints the state machine ARN', () => {
    template.hasOutput('StateMachineArn', { Value: { Ref: stateMachine()[0] } });
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
