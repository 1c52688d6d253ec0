/**
 * The deploy path of infra/README.md, run as an operator runs it, up to where AWS would be
 * reached. Issue 10: `npx cdk synth` failed for every real account and region while the
 * in-process stack test, which synthesizes an environment-agnostic stack, passed.
 *
 * A fresh checkout (the repository's files, no build output, no cdk.out, node_modules linked as
 * `npm ci` left it), then the README's commands in child processes: the bootstrap template,
 * `npm run build`, `npx cdk synth` for Jakarta, Singapore, us-east-1 (where the CLI falls back
 * when nothing names a region) and without an environment, then `npx cdk deploy --all`, `ls` and
 * `destroy --all` on the Jakarta assembly, each stopping where it needs credentials. Offline: no
 * credentials, no instance metadata, and a proxy that refuses every connection. With a region
 * the app has two stacks: Pantau and its us-east-1 companion PantauEdge (the CloudFront web ACL).
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../infra/function.ts';
import { HOME_REGION } from '../../infra/pantau-stack.ts';

type Resource = {
  Type: string;
  Properties?: Record<string, unknown>;
  DeletionPolicy?: string;
};
type Template = {
  Resources: Record<string, Resource>;
  Outputs: Record<string, unknown>;
};
type Run = { code: number | null; out: string };
interface SynthCase {
  readonly name: string;
  /** Where its cloud assembly is kept, under the checkout's `assemblies/`. */
  readonly dir: string;
  /** What the operator's shell sets. */
  readonly env: Record<string, string>;
  readonly args: string[];
  /** The stack's environment in the manifest. */
  readonly environment: string;
  readonly region: string | undefined;
  /** Whether the distribution has CloudFront standard logging (legacy). */
  readonly cloudFrontLogs: boolean;
}

const ACCOUNT = '111111111111';
/** The stack name the README's commands use (`STACK=Pantau`, the default of `stackName`). */
const STACK = 'Pantau';
/** Its us-east-1 companion, holding the CloudFront web ACL (issue 12). */
const EDGE = `${STACK}Edge`;
/** The README's deploy command's context. */
const README_CONTEXT = [
  '-c',
  'authDomainPrefix=pantau-example',
  '-c',
  'mailFrom=pantau@setneg.go.id',
  '-c',
  'alarmEmail=ops@setneg.go.id',
];
/**
 * A synthesis (bundling six functions, cdk-nag) takes ~10 s of CPU, and over 180 s on a 2-core
 * machine at a load of 15.
 */
const SYNTH_TIMEOUT = 360_000;
/**
 * A command still running this long is killed, before its test's timeout: a synthesis left
 * running would hold cdk.out's lock and fail the next one ("Another CLI is synthing").
 */
const COMMAND_TIMEOUT = SYNTH_TIMEOUT - 10_000;

const checkout = mkdtempSync(join(tmpdir(), 'pantau-checkout-'));
const home = mkdtempSync(join(tmpdir(), 'pantau-home-'));
const assemblies = join(checkout, 'assemblies');

/** The environment of an operator's shell: nothing of the test runner's, npm's, AWS's or CDK's. */
function operatorEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(AWS_|CDK_|npm_|VITEST|NODE_ENV$|NODE_OPTIONS$|TEST$)|_proxy$/i.test(key)) {
      env[key] = value;
    }
  }
  const refused = 'http://127.0.0.1:9';
  return {
    ...env,
    HOME: home,
    AWS_CONFIG_FILE: join(home, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    HTTPS_PROXY: refused,
    HTTP_PROXY: refused,
    https_proxy: refused,
    http_proxy: refused,
    CDK_DISABLE_VERSION_CHECK: '1',
    CDK_DISABLE_CLI_TELEMETRY: 'true',
    npm_config_update_notifier: 'false',
    ...extra,
  };
}

/** A command in the checkout, its exit code and its interleaved output. */
function run(command: string, args: string[], extra: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: checkout,
      env: operatorEnv(extra),
      timeout: COMMAND_TIMEOUT,
      killSignal: 'SIGKILL',
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

/** `npx cdk <args>`, without the notices (fetched from the internet) or version reporting. */
const cdk = (args: string[], extra: Record<string, string> = {}): Promise<Run> =>
  run('npx', ['cdk', ...args, '--no-notices', '--no-version-reporting'], extra);

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/** `Fn::Join`/`Ref`/`Fn::Sub` as text, references written `{AWS::Region}`. */
const text = (value: unknown): string => {
  if (typeof value === 'string') return value;
  const object = value as Record<string, unknown>;
  if ('Fn::Join' in object) {
    const [separator, parts] = object['Fn::Join'] as [string, unknown[]];
    return parts.map(text).join(separator);
  }
  if ('Ref' in object) return `{${String(object.Ref)}}`;
  if ('Fn::Sub' in object) return String(object['Fn::Sub']);
  if ('Fn::GetAtt' in object) return `{${(object['Fn::GetAtt'] as string[]).join('.')}}`;
  throw new Error(`cannot render ${JSON.stringify(value)}`);
};

const ofType = (template: Template, type: string): [string, Resource][] =>
  Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);

beforeAll(() => {
  // What a clone has: the tracked files and those about to be (not ignored), as they are now.
  const listed = ['ls-files', '-z', '--cached', '--others', '--exclude-standard'];
  const files = execFileSync('git', listed, { cwd: projectRoot, encoding: 'utf8' })
    .split('\0')
    .filter((file) => file !== '' && existsSync(join(projectRoot, file)));
  for (const file of files) {
    mkdirSync(dirname(join(checkout, file)), { recursive: true });
    copyFileSync(join(projectRoot, file), join(checkout, file));
  }
  symlinkSync(join(projectRoot, 'node_modules'), join(checkout, 'node_modules'), 'dir');
  mkdirSync(assemblies);
});

afterAll(() => {
  rmSync(checkout, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
});

describe('the README deploy path, offline, in a fresh checkout', () => {
  it(`1. bootstrap: \`npx cdk bootstrap aws://${ACCOUNT}/${HOME_REGION} aws://${ACCOUNT}/us-east-1\` has its template without AWS`, async () => {
    // Jakarta for Pantau, us-east-1 for its companion (a CloudFront web ACL lives there).
    const result = await cdk([
      'bootstrap',
      `aws://${ACCOUNT}/${HOME_REGION}`,
      `aws://${ACCOUNT}/us-east-1`,
      '--show-template',
    ]);
    expect(result.code, result.out).toBe(0);
    // The version the synthesized stacks check for (DefaultStackSynthesizer's requirement).
    expect(result.out).toMatch(/CdkBootstrapVersion/);
    expect(result.out).toMatch(/Type: AWS::S3::Bucket/);
  }, 180_000); // 10 to 20 s quiet, up to 50 s at a load of 15

  it('2. console build: `npm run build` writes packages/web/dist', async () => {
    expect(existsSync(join(checkout, 'packages/web/dist'))).toBe(false);
    const result = await run('npm', ['run', 'build']);
    expect(result.code, result.out).toBe(0);
    expect(existsSync(join(checkout, 'packages/web/dist/index.html'))).toBe(true);
  }, 240_000);

  const cases: SynthCase[] = [
    {
      name: 'Jakarta, as the README says (AWS_REGION=ap-southeast-3)',
      dir: 'jakarta',
      env: { AWS_REGION: HOME_REGION, CDK_DEFAULT_ACCOUNT: ACCOUNT },
      args: README_CONTEXT,
      environment: `aws://${ACCOUNT}/${HOME_REGION}`,
      region: HOME_REGION,
      // An opt-in region: CloudFront cannot deliver standard logs to a bucket there.
      cloudFrontLogs: false,
    },
    {
      name: 'Singapore (AWS_REGION=ap-southeast-1)',
      dir: 'singapore',
      env: { AWS_REGION: 'ap-southeast-1', CDK_DEFAULT_ACCOUNT: ACCOUNT },
      args: [],
      environment: `aws://${ACCOUNT}/ap-southeast-1`,
      region: 'ap-southeast-1',
      cloudFrontLogs: true,
    },
    {
      name: 'no region anywhere: the CLI falls back to us-east-1',
      dir: 'fallback',
      env: { CDK_DEFAULT_ACCOUNT: ACCOUNT },
      args: [],
      environment: `aws://${ACCOUNT}/us-east-1`,
      region: 'us-east-1',
      cloudFrontLogs: true,
    },
    {
      // The CLI always passes a region; the app run without one is environment-agnostic.
      name: 'environment-agnostic (the app without CDK_DEFAULT_ACCOUNT/REGION)',
      dir: 'agnostic',
      env: {},
      args: [
        '--app',
        `env -u CDK_DEFAULT_ACCOUNT -u CDK_DEFAULT_REGION ${readJson<{ app: string }>(join(projectRoot, 'cdk.json')).app}`,
      ],
      environment: 'aws://unknown-account/unknown-region',
      region: undefined,
      cloudFrontLogs: true,
    },
  ];

  describe.each(cases)('3. synth: `npx cdk synth`, $name', (c) => {
    let result: Run;
    let template: Template;

    beforeAll(async () => {
      result = await cdk(['synth', '--quiet', ...c.args], c.env);
      if (result.code === 0) {
        renameSync(join(checkout, 'cdk.out'), join(assemblies, c.dir));
        template = readJson<Template>(join(assemblies, c.dir, `${STACK}.template.json`));
      }
    }, SYNTH_TIMEOUT);

    it('succeeds with zero unacknowledged cdk-nag findings', () => {
      expect(result.out).not.toMatch(/AwsSolutions-|Synthesis finished with errors/);
      expect(result.code, result.out).toBe(0);
    });

    it(`synthesizes ${STACK} for ${c.environment}`, () => {
      const manifest = readJson<{ artifacts: Record<string, { environment?: string }> }>(
        join(assemblies, c.dir, 'manifest.json'),
      );
      expect(manifest.artifacts[STACK]?.environment).toBe(c.environment);
      // Outside Jakarta the synth says the data would leave Indonesia; it does not stop.
      if (c.region && c.region !== HOME_REGION) {
        expect(result.out).toContain(`Region ${c.region}, not Jakarta (${HOME_REGION})`);
      } else {
        expect(result.out).not.toContain('pantau:region');
      }
      // The README's deploy names the letters' sender; a synth that does not is warned.
      if (c.args === README_CONTEXT) expect(result.out).not.toContain('pantau:mail-from');
      else if (c.dir !== 'agnostic') expect(result.out).toContain('pantau:mail-from');
    });

    it('has the table, the functions on Node.js 24 arm64, the state machines, the HTTP API, the user pool, the distribution and the console bucket', () => {
      expect(ofType(template, 'AWS::DynamoDB::Table')).toHaveLength(1);
      const functions = ofType(template, 'AWS::Lambda::Function');
      const ours = functions.filter(([id]) =>
        /^(ApiHandler|EscalationTick|EscalationContinue|EscalationSweep|RearmJobsTask|SeedHandler)/.test(
          id,
        ),
      );
      expect(ours).toHaveLength(6);
      for (const [id, fn] of ours) {
        expect(fn.Properties?.Runtime, id).toBe('nodejs24.x');
        expect(fn.Properties?.Architectures, id).toEqual(['arm64']);
      }
      // CDK's providers too, but its S3 deployment (Python, with the AWS CLI).
      for (const [id, fn] of functions) {
        expect(fn.Properties?.Runtime, id).toMatch(/^nodejs24\.x$|^python3\./);
      }
      // The escalation ladder, and the re-arming jobs of settings edits.
      expect(ofType(template, 'AWS::StepFunctions::StateMachine')).toHaveLength(2);
      const apis = ofType(template, 'AWS::ApiGatewayV2::Api');
      expect(apis.map(([, api]) => api.Properties?.ProtocolType)).toEqual(['HTTP']);
      expect(ofType(template, 'AWS::Cognito::UserPool')).toHaveLength(1);
      expect(ofType(template, 'AWS::CloudFront::Distribution')).toHaveLength(1);
      expect(ofType(template, 'AWS::S3::Bucket').map(([id]) => id)).toContainEqual(
        expect.stringMatching(/^WebBucket/),
      );
    });

    it('names its region where it reaches its own regional services', () => {
      const [[, distribution]] = ofType(template, 'AWS::CloudFront::Distribution') as [
        [string, Resource],
      ];
      const config = distribution.Properties?.DistributionConfig as {
        Origins: { DomainName: unknown }[];
        Logging?: unknown;
      };
      const apiOrigin = config.Origins.map(({ DomainName }) => text(DomainName)).find((name) =>
        name.includes('.execute-api.'),
      );
      expect(apiOrigin).toContain(`.execute-api.${c.region ?? '{AWS::Region}'}.`);
      expect(config.Logging !== undefined).toBe(c.cloudFrontLogs);
    });

    it(
      c.region
        ? `has the us-east-1 companion ${EDGE} with the CloudFront web ACL, attached across regions`
        : 'has no companion without a region (no WAF), and says so',
      () => {
        const manifest = readJson<{ artifacts: Record<string, { environment?: string }> }>(
          join(assemblies, c.dir, 'manifest.json'),
        );
        const [[, distribution]] = ofType(template, 'AWS::CloudFront::Distribution') as [
          [string, Resource],
        ];
        const webAclId = (distribution.Properties?.DistributionConfig as { WebACLId?: unknown })
          .WebACLId;
        if (!c.region) {
          expect(manifest.artifacts[EDGE]).toBeUndefined();
          expect(webAclId).toBeUndefined();
          expect(result.out).toContain('No region at synth: no WAF');
          return;
        }
        expect(manifest.artifacts[EDGE]?.environment).toBe(`aws://${ACCOUNT}/us-east-1`);
        const edge = readJson<Template>(join(assemblies, c.dir, `${EDGE}.template.json`));
        const acls = ofType(edge, 'AWS::WAFv2::WebACL');
        expect(acls.map(([, acl]) => acl.Properties?.Scope)).toEqual(['CLOUDFRONT']);
        expect(webAclId).toMatchObject({
          'Fn::GetStackOutput': { StackName: EDGE, Region: 'us-east-1' },
        });
        expect(result.out).not.toContain('No region at synth');
      },
    );
  });

  it('4. deploy: `npx cdk deploy --all --require-approval never` takes the Jakarta assembly as far as AWS credentials', async () => {
    // Synth is the stand-in for the deploy's own synthesis (above, with the README's context);
    // with that assembly the deploy stops where it must call AWS, and for that reason only.
    // `--all`: two stacks (the CLI refuses to pick one by itself), the companion first.
    const result = await cdk(
      ['deploy', '--all', '--app', join(assemblies, 'jakarta'), '--require-approval', 'never'],
      { AWS_REGION: HOME_REGION, CDK_DEFAULT_ACCOUNT: ACCOUNT },
    );
    expect(result.code).not.toBe(0);
    expect(result.out).toContain(
      `Need to perform AWS calls for account ${ACCOUNT}, but no credentials have been configured`,
    );
  }, 180_000); // 10 to 20 s quiet, up to 50 s at a load of 15

  it("5. first administrator: the outputs and the user pool the README's commands use", () => {
    const template = readJson<Template>(join(assemblies, 'jakarta', `${STACK}.template.json`));
    expect(Object.keys(template.Outputs)).toEqual(
      expect.arrayContaining(['UserPoolId', 'UserPoolClientId', 'ApiUrl', 'ConsoleUrl']),
    );
    const [[, pool]] = ofType(template, 'AWS::Cognito::UserPool') as [[string, Resource]];
    // admin-create-user sets custom:agency and custom:role.
    const schema = pool.Properties?.Schema as { Name: string }[];
    expect(schema.map(({ Name }) => Name)).toEqual(expect.arrayContaining(['agency', 'role']));
    // Every user enrols a TOTP app; admin-initiate-auth --auth-flow ADMIN_USER_PASSWORD_AUTH
    // (with the operator's IAM credentials) and the TOTP challenge give the shell its ID token.
    expect(pool.Properties).toMatchObject({
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
    });
    const [[, client]] = ofType(template, 'AWS::Cognito::UserPoolClient') as [[string, Resource]];
    expect(client.Properties?.ExplicitAuthFlows).toContain('ALLOW_ADMIN_USER_PASSWORD_AUTH');
    expect(client.Properties?.ExplicitAuthFlows).not.toContain('ALLOW_USER_PASSWORD_AUTH');
    // -c authDomainPrefix made the hosted sign-in domain the console signs in through.
    const [[, domain]] = ofType(template, 'AWS::Cognito::UserPoolDomain') as [[string, Resource]];
    expect(domain.Properties?.Domain).toBe('pantau-example');
  });

  it('6. tear-down: `npx cdk ls` names the stacks, `npx cdk destroy --all --force` stops only for credentials, and what the README says stays is retained', async () => {
    const jakarta = join(assemblies, 'jakarta');
    const env = { AWS_REGION: HOME_REGION, CDK_DEFAULT_ACCOUNT: ACCOUNT };
    const list = await cdk(['ls', '--app', jakarta], env);
    expect(list.code, list.out).toBe(0);
    expect(list.out.trim().split('\n')).toEqual([EDGE, STACK]);
    const destroy = await cdk(['destroy', '--all', '--app', jakarta, '--force'], env);
    expect(destroy.code).not.toBe(0);
    expect(destroy.out).toContain(
      `Need to perform AWS calls for account ${ACCOUNT}, but no credentials have been configured`,
    );
    const template = readJson<Template>(join(jakarta, `${STACK}.template.json`));
    const retained = Object.entries(template.Resources)
      .filter(([, resource]) => /^Retain/.test(resource.DeletionPolicy ?? ''))
      .map(([, resource]) => `${resource.Type} ${resource.DeletionPolicy!}`)
      .sort();
    // The table and its search key, the user pool, the API access logs, the console's access
    // log bucket, and the attachments bucket with its access logs, each bucket with its policy
    // (infra/README.md). All but the table and the user pool (deletion protection on) are
    // deleted by a first create that rolls back ("If the first deploy fails").
    expect(retained).toEqual([
      'AWS::Cognito::UserPool Retain',
      'AWS::DynamoDB::Table Retain',
      'AWS::Logs::LogGroup RetainExceptOnCreate',
      'AWS::S3::Bucket RetainExceptOnCreate',
      'AWS::S3::Bucket RetainExceptOnCreate',
      'AWS::S3::Bucket RetainExceptOnCreate',
      'AWS::S3::BucketPolicy RetainExceptOnCreate',
      'AWS::S3::BucketPolicy RetainExceptOnCreate',
      'AWS::S3::BucketPolicy RetainExceptOnCreate',
      'AWS::SecretsManager::Secret RetainExceptOnCreate',
    ]);
    // The companion holds configuration only: nothing of it stays.
    const edge = readJson<Template>(join(jakarta, `${EDGE}.template.json`));
    expect(
      Object.values(edge.Resources).filter(({ DeletionPolicy }) => DeletionPolicy === 'Retain'),
    ).toEqual([]);
  }, 180_000); // 10 to 20 s quiet, up to 50 s at a load of 15

  it("7. the names infra/README.md's commands go by are the stack's: outputs, secrets, name prefixes", () => {
    // No deploy here runs those commands: a renamed output or construct would break them silently.
    const jakarta = join(assemblies, 'jakarta');
    const template = readJson<Template>(join(jakarta, `${STACK}.template.json`));
    const edge = readJson<Template>(join(jakarta, `${EDGE}.template.json`));
    const readme = readFileSync(join(projectRoot, 'infra/README.md'), 'utf8');
    // The Outputs table, but the e-mail intake's (not in this synth) and the companion's.
    const table = readmeSection('Deploy').split('\n### Outputs\n')[1] ?? '';
    const rows = table.split('\n').filter((line) => line.startsWith('| `'));
    expect(rows.length).toBeGreaterThan(8);
    for (const row of rows) {
      if (row.includes('With e-mail intake only')) continue;
      const names = [...row.split(' | ')[0]!.matchAll(/`(\w+)`/g)].map(([, name]) => name!);
      const outputs = names.includes(EDGE) ? edge.Outputs : template.Outputs;
      for (const name of names.filter((name) => name !== EDGE))
        expect(outputs, name).toHaveProperty(name);
    }
    // `$(out <Output>)` in the runbooks.
    for (const [, name] of readme.matchAll(/\$\(out (\w+)\)/g)) {
      if (!name!.startsWith('MailIntake')) expect(template.Outputs, name).toHaveProperty(name!);
    }
    // `list-secrets` by description.
    const descriptions = ofType(template, 'AWS::SecretsManager::Secret').map(
      ([, secret]) => secret.Properties?.Description,
    );
    const described = [...readme.matchAll(/Description=='\$STACK: ([^']+)'/g)];
    expect(described.length).toBeGreaterThan(0);
    for (const [, text] of described) expect(descriptions).toContain(`${STACK}: ${text!}`);
    // Names CloudFormation generates from the logical id: `$STACK-DataTable…`, the alarm's and
    // the access log group's prefixes, the user pool's (`AuthUserPool…`), the buckets'
    // (`pantau-documentsattachments…`, in lower case).
    const ids = Object.keys(template.Resources);
    const prefixes = [
      ...[...readme.matchAll(/["']\$STACK-(\w+)["']/g)].map(([, prefix]) => prefix!),
      ...[...readme.matchAll(/starts_with\(Name, '(\w+)'\)/g)].map(([, prefix]) => prefix!),
    ];
    expect(prefixes).toEqual(
      expect.arrayContaining([
        'DataTable',
        'AuthUserPool',
        'ObservabilityLettersFailed',
        'ApiAccessLogs',
      ]),
    );
    for (const prefix of prefixes)
      expect(
        ids.some((id) => id.startsWith(prefix)),
        prefix,
      ).toBe(true);
    const buckets = [...readme.matchAll(new RegExp(`\\b${STACK.toLowerCase()}-(\\w+)…`, 'g'))]
      .map(([, prefix]) => prefix!)
      .filter((prefix) => !prefix.startsWith('mailintake'));
    expect(buckets.length).toBeGreaterThan(2);
    const bucketIds = ofType(template, 'AWS::S3::Bucket').map(([id]) => id.toLowerCase());
    for (const prefix of buckets)
      expect(
        bucketIds.some((id) => id.startsWith(prefix)),
        prefix,
      ).toBe(true);
  });
});

/** A `## ` section of infra/README.md, up to the next one. */
const readmeSection = (heading: string): string => {
  const readme = readFileSync(join(projectRoot, 'infra/README.md'), 'utf8');
  const start = readme.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`infra/README.md has no section "${heading}"`);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
};

describe("the operator's runbooks in infra/README.md, which no deploy here can run", () => {
  it('says to deactivate the SES receipt rule set before a destroy (SES does not delete the active one)', () => {
    // With e-mail intake, `cdk destroy` fails on MailIntake/Rules while the set is active.
    const stays = readmeSection('What stays when the stack goes');
    expect(stays).toMatch(/`aws ses set-active-receipt-rule-set` with no `--rule-set-name`/);
    expect(readmeSection('E-mail intake')).toMatch(/before `npx cdk destroy --all`, deactivate/);
  });

  it('has a replay of the e-mail intake’s dead letters, with the outputs it reads', () => {
    const intake = readmeSection('E-mail intake');
    for (const step of [
      'out MailIntakeUndeliveredQueueUrl',
      'out MailIntakeFunctionName',
      'aws sqs receive-message',
      'aws lambda invoke --function-name "$FN" --payload fileb://event.json',
      'aws sqs delete-message',
    ])
      expect(intake, step).toContain(step);
  });

  it('says how to check once that an alarm reaches the operator', () => {
    const operating = readmeSection('Operating: dashboard and alarms');
    expect(operating).toContain(
      'aws cloudwatch set-alarm-state --alarm-name "$ALARM" --state-value ALARM',
    );
    expect(operating).toContain('describe-alarm-history');
  });

  it('rotates the origin secret with a deploy that updates the distribution (-c originSecretVersion)', () => {
    // A put-secret-value alone, then a deploy without changes, leaves CloudFront on the old value.
    const runbooks = readmeSection('Restore, roll back, upgrade');
    expect(runbooks).toContain('**Rotate a secret.**');
    expect(runbooks).toContain('aws secretsmanager put-secret-value');
    expect(runbooks).toContain('npx cdk deploy --all -c originSecretVersion="$VERSION"');
  });

  it('gives, in README.md and infra/README.md alike, the deploy command the Jakarta synth above runs', () => {
    // infra/README.md once gave -c authDomainPrefix alone: letters and alarms went nowhere.
    const deploy = README_CONTEXT.filter((arg) => arg !== '-c').map((arg) => `-c ${arg}`);
    for (const [file, text] of [
      ['README.md', readFileSync(join(projectRoot, 'README.md'), 'utf8')],
      ['infra/README.md', readmeSection('Deploy')],
    ]) {
      const command = /npx cdk deploy --all((?: \\\n\s+-c \S+)+)/.exec(text!)?.[1];
      expect(command, file).toBeDefined();
      expect(command!.split(/\s*\\\n\s*/).filter(Boolean), file).toEqual(deploy);
    }
  });

  it('says how to remove what a destroy retains', () => {
    const stays = readmeSection('What stays when the stack goes');
    for (const step of [
      'aws secretsmanager delete-secret',
      'aws logs delete-log-group',
      'aws s3api list-object-versions',
      'aws s3api delete-bucket',
    ])
      expect(stays, step).toContain(step);
  });

  it('says what a failed first deploy leaves behind, and how to remove it', () => {
    const deploy = readmeSection('Deploy');
    expect(deploy).toContain('**If the first deploy fails**');
    expect(deploy).toContain('aws dynamodb delete-table');
    expect(deploy).toContain('aws cognito-idp delete-user-pool');
  });
});
