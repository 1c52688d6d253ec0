import { Duration, RemovalPolicy, type SecretValue, Stack, Token, Validations } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import { Construct } from 'constructs';
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { ORIGIN_SECRET_HEADER } from '../functions/config.ts';
import type { Auth } from './auth.ts';
import { projectRoot } from './function.ts';
import { KEPT, keepPolicyOf } from './retain.ts';

/** Where `npm run build` (Vite, `packages/web`) writes the console. */
export const DEFAULT_ASSETS_PATH = join(projectRoot, 'packages', 'web', 'dist');

/** Paths the HTTP API answers under the console's origin; every other path is the console. */
export const API_PATHS = ['/v1/*', '/health', '/openapi.json', '/docs'] as const;

/**
 * The CloudFront Function (viewer request, console behavior only) that makes deep links work:
 * a path whose last segment has no dot (`/`, `/cases/01ABC`, `/track/XYZ`, `/auth/callback`) is
 * a route of the single-page app and gets `/index.html`; a file (`/assets/index-abc.js`,
 * `/config.json`) is left alone, so a missing one is still a 403 from S3. Not `errorResponses`:
 * those apply to the whole distribution and would turn the API's 403s and 404s into the page.
 * Plain ES5 for the cloudfront-js-2.0 runtime; the test evaluates this very string.
 */
export const SPA_FALLBACK_CODE = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.slice(uri.lastIndexOf('/') + 1).indexOf('.') === -1) {
    request.uri = '/index.html';
  }
  return request;
}
`;

export interface WebProps {
  /** The HTTP API served under the same origin (API_PATHS), so the console needs no CORS. */
  readonly httpApi: apigw.IHttpApi;
  /** The user pool and app client the console signs in with (written into `/config.json`). */
  readonly auth: Auth;
  /** The built console (default `packages/web/dist`); must exist at synth. */
  readonly assetsPath?: string;
  /** Sent to the API origin in ORIGIN_SECRET_HEADER; the API refuses requests without it. */
  readonly originSecret: SecretValue;
  /**
   * The ARN of the CloudFront web ACL (the us-east-1 companion stack's). None only in an
   * environment-agnostic synth, which has no region to put a companion stack against.
   */
  readonly webAclArn?: string;
}

/**
 * The web console on AWS: its build in a private S3 bucket behind a CloudFront distribution
 * (origin access control), the HTTP API behind the same distribution, and the `/config.json`
 * that tells the console which Cognito user pool and app client to sign in with.
 */
export class Web extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  /** `https://<id>.cloudfront.net`, without a trailing slash. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const assetsPath = props.assetsPath ?? DEFAULT_ASSETS_PATH;
    const shown = relative(projectRoot, assetsPath);
    const name = shown.startsWith('..') || isAbsolute(shown) ? assetsPath : shown;
    if (!existsSync(assetsPath)) {
      throw new Error(`${name} is missing: run "npm run build" before cdk synth/deploy`);
    }
    if (!existsSync(join(assetsPath, 'index.html'))) {
      throw new Error(`${name} has no index.html: run "npm run build" before cdk synth/deploy`);
    }

    // One bucket for the access logs of the console bucket and of the distribution. CloudFront's
    // standard logs are delivered with an ACL grant, so this bucket has ACLs (bucket owner
    // preferred: the account owns the log files). Kept a year and retained with the stack, like
    // the API's access logs: they are the audit trail of who fetched what.
    // CloudFront's standard logging (legacy) does not deliver to a bucket in an opt-in region
    // (Jakarta is one), and creating the distribution with such a log bucket fails. There the
    // distribution does not log (the API's requests are in the API Gateway access log); the
    // us-east-1 companion stack (edge.ts, the WAF's) is where CloudFront's logging v2, which
    // can deliver to this bucket, would be configured (infra/README.md, "Regions").
    // An environment-agnostic template (no region at synth) keeps the logging.
    const cloudFrontLogs =
      Token.isUnresolved(stack.region) || !RegionInfo.get(stack.region).isOptInRegion;
    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: KEPT,
    });
    keepPolicyOf(accessLogs);
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This is the access log bucket itself: logging it into itself would log its own log ' +
        'deliveries, and another bucket would only move the finding one bucket further.',
    });

    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // The files are public through the console anyway; S3-managed keys need no key policy
      // for CloudFront's origin access control, as a KMS key would.
      encryption: s3.BucketEncryption.S3_MANAGED,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'console-bucket/',
      // Only build output, rebuilt from the repository on every deploy: it goes with the stack.
      // autoDeleteObjects empties the bucket first (a CDK custom resource), or the delete fails.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    const spaFallback = new cloudfront.Function(this, 'SpaFallback', {
      code: cloudfront.FunctionCode.fromInline(SPA_FALLBACK_CODE),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      comment: 'Pantau console: serve /index.html for client-side routes',
    });

    const cognitoIdp = `https://cognito-idp.${stack.region}.${stack.urlSuffix}`;
    const hostedSignIn = props.auth.domainUrl ? [props.auth.domainUrl] : [];
    // Issue 15: the console POSTs attachments' presigned forms straight to the attachments
    // bucket. Its region's virtual-hosted S3 endpoints, by wildcard: naming the bucket here
    // would make the distribution depend on it while its CORS rule depends on the distribution.
    const attachmentUploads = `https://*.s3.${stack.region}.${stack.urlSuffix}`;
    const securityHeaders = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Pantau console: security headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          // The console's own files only; it calls the API on this origin, and oidc-client-ts
          // reads the issuer's discovery document and keys (cognito-idp) and redeems codes and
          // refresh tokens at the hosted sign-in domain. Sign-in and sign-out are navigations.
          contentSecurityPolicy: [
            "default-src 'self'",
            `connect-src 'self' ${[cognitoIdp, ...hostedSignIn, attachmentUploads].join(' ')}`,
            "img-src 'self' data:",
            "font-src 'self' data:",
            "style-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            `form-action 'self' ${hostedSignIn.join(' ')}`.trim(),
            "frame-ancestors 'none'",
          ].join('; '),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        // Deep links carry case ids: other sites see the origin only.
        referrerPolicy: {
          referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
      },
    });

    const apiOrigin = new origins.HttpOrigin(
      `${props.httpApi.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`,
      {
        protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
        // The API answers 403 without it: only requests that passed the WAF reach the API. A
        // viewer's header of the same name is replaced by this one, never passed on.
        customHeaders: { [ORIGIN_SECRET_HEADER]: props.originSecret.unsafeUnwrap() },
      },
    );
    const apiBehavior: cloudfront.BehaviorOptions = {
      origin: apiOrigin,
      // An API client must not be redirected: a redirected POST comes back as a GET.
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
      cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
      // Every viewer header but Host (API Gateway routes on its own host name and answers 403
      // to another). Authorization included: an origin request policy cannot name it, but with
      // caching disabled AllViewer and AllViewerExceptHostHeader do forward it (AWS re:Post,
      // "How can I configure CloudFront to forward the Authorization header to the origin?",
      // repost.aws/knowledge-center/cloudfront-authorization-header; a cache policy keying on
      // Authorization is the alternative, and a zero-TTL cache policy may not have keys,
      // aws/aws-cdk#16977). The JWT authorizer reads `$request.header.Authorization`.
      originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
    };

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `Pantau console and API (${stack.stackName})`,
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        functionAssociations: [
          { function: spaFallback, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
        ],
        responseHeadersPolicy: securityHeaders,
      },
      additionalBehaviors: Object.fromEntries(API_PATHS.map((path) => [path, apiBehavior])),
      // North America, Europe and Asia, Indonesia included: where the users are, cheaper than all.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_200,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      ...(cloudFrontLogs
        ? { enableLogging: true, logBucket: accessLogs, logFilePrefix: 'cloudfront/' }
        : {}),
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
    });
    this.url = `https://${this.distribution.distributionDomainName}`;

    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'No geo restriction: complainants track their cases and reply from wherever they are ' +
        '(Indonesians abroad included); the officer routes need a Cognito token.',
    });
    if (!props.webAclArn) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR2',
        reason:
          'An environment-agnostic synth only (no region): the web ACL lives in a us-east-1 ' +
          'companion stack that a cross-region reference attaches, and that needs the region. ' +
          'Synth and deploy through the CLI always have one; the API still requires the ' +
          'origin secret and throttles its tracking routes.',
      });
    }
    if (!cloudFrontLogs) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR3',
        reason:
          `CloudFront standard logging (legacy) cannot deliver to a bucket in ${stack.region}, an ` +
          'opt-in region, and the distribution fails to create with one. The API requests it ' +
          'forwards are logged by API Gateway; logging v2, which can deliver there, is set up ' +
          'from us-east-1 (the companion stack with the WAF does not do it yet).',
      });
    }
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR4',
      reason:
        'The default *.cloudfront.net certificate, whose security policy CloudFront fixes ' +
        '(TLSv1 minimum); TLSv1.2_2021 needs a custom domain with an ACM certificate, which ' +
        'this stack does not assume. Origins are reached over TLS 1.2 only.',
    });

    // The deployments' Lambda (CDK's, Python with the AWS CLI) gets its own log group with
    // retention and a role that may write only there, instead of AWSLambdaBasicExecutionRole.
    const deploymentLogs = new logs.LogGroup(this, 'DeploymentLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const deploymentRole = new iam.Role(this, 'DeploymentRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Uploads the Pantau console to its bucket and invalidates the distribution',
    });
    deploymentRole.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [deploymentLogs.logGroupArn],
      }),
    );
    // BucketDeployment would grant its role s3:GetObject*, GetBucket* and List* on the
    // bootstrap asset bucket and CloudFront invalidations on every distribution (`*`). It gets
    // the role without policy updates instead, so those grants land nowhere, and the ones below
    // say what its handler does: read the zips from the asset bucket (`aws s3 cp` of the keys
    // it is given), sync the console bucket, invalidate this distribution.
    const deployer = deploymentRole.withoutPolicyUpdates();
    const zips: s3deploy.SourceConfig[] = [];
    /** The source as given, remembering where its zip will be for the grant below. */
    const recorded = (source: s3deploy.ISource): s3deploy.ISource => ({
      bind: (scope, context) => {
        const config = source.bind(scope, context);
        zips.push(config);
        return config;
      },
    });

    // Two uploads, two cache lifetimes. Vite's hashed files under assets/ never change under
    // their name: cached for a year and never deleted (prune off), so a tab still running the
    // previous build can load its chunks after a deploy. Everything else (index.html, the
    // config) may change under its name: `no-cache` makes browsers revalidate on every load
    // (an ETag round trip) and CloudFront keep them for at most its 1 s minimum TTL; the
    // invalidation drops what the edges hold so the first request after the deploy is fresh.
    const assetsDir = join(assetsPath, 'assets');
    const hashed = existsSync(assetsDir)
      ? new s3deploy.BucketDeployment(this, 'DeployAssets', {
          sources: [recorded(s3deploy.Source.asset(assetsDir))],
          destinationBucket: this.bucket,
          destinationKeyPrefix: 'assets/',
          prune: false,
          cacheControl: [
            s3deploy.CacheControl.setPublic(),
            s3deploy.CacheControl.maxAge(Duration.days(365)),
            s3deploy.CacheControl.immutable(),
          ],
          role: deployer,
          logGroup: deploymentLogs,
        })
      : undefined;
    const site = new s3deploy.BucketDeployment(this, 'DeploySite', {
      sources: [
        recorded(s3deploy.Source.asset(assetsPath, { exclude: ['assets'] })),
        recorded(
          s3deploy.Source.jsonData('config.json', {
            auth: {
              kind: 'cognito',
              authority: props.auth.issuerUrl,
              clientId: props.auth.client.userPoolClientId,
              ...(props.auth.domainUrl ? { domain: props.auth.domainUrl } : {}),
              redirectUri: `${this.url}/auth/callback`,
              logoutUri: `${this.url}/`,
            },
          }),
        ),
      ],
      destinationBucket: this.bucket,
      // Pruning the root must not delete the hashed files the other deployment keeps.
      exclude: ['assets/*'],
      cacheControl: [s3deploy.CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/index.html', '/config.json'],
      role: deployer,
      logGroup: deploymentLogs,
    });
    // The new index.html names the new chunks: upload them first.
    if (hashed) site.node.addDependency(hashed);

    // On the asset bucket's objects rather than on the zips' keys: the keys are content hashes,
    // so naming them would change this policy (an IAM change to approve) with every build.
    const assetObjects = new Map(
      zips.map(({ bucket }) => {
        const arn = bucket.arnForObjects('*');
        return [JSON.stringify(stack.resolve(arn)), arn] as const;
      }),
    );
    deploymentRole.addToPolicy(
      new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [...assetObjects.values()] }),
    );
    // The console bucket: CDK's grantReadWrite, exactly what BucketDeployment grants there
    // (`aws s3 sync`, pruning, the ownership tag it reads before deleting). A narrower list
    // would be ours to keep up with the handler, and no offline test can run it.
    this.bucket.grantReadWrite(deploymentRole);
    this.distribution.grant(
      deploymentRole,
      'cloudfront:CreateInvalidation',
      'cloudfront:GetInvalidation',
    );
    const bucketId = stack.getLogicalId(this.bucket.node.defaultChild as s3.CfnBucket);
    const deploymentGrants: Record<string, string> = {
      'Action::s3:GetObject*':
        'grantReadWrite on the console bucket, as BucketDeployment makes it: `aws s3 sync` ' +
        'compares the new build with the objects there; on this bucket only.',
      'Action::s3:GetBucket*':
        'grantReadWrite on the console bucket, as BucketDeployment makes it: bucket metadata ' +
        'and the ownership tag the handler reads before deleting; on this bucket only.',
      'Action::s3:List*':
        'grantReadWrite on the console bucket, as BucketDeployment makes it: `aws s3 sync` ' +
        'lists what is there to upload the difference; on this bucket only.',
      'Action::s3:DeleteObject*':
        'grantReadWrite on the console bucket, as BucketDeployment makes it: pruning deletes ' +
        'the previous build files that the new build no longer has; on this bucket only.',
      'Action::s3:Abort*':
        'grantReadWrite on the console bucket, as BucketDeployment makes it: aborts its own ' +
        'failed multipart uploads; on this bucket only.',
      [`Resource::<${bucketId}.Arn>/*`]:
        'The objects of the console bucket, whose names change with every build: writing them ' +
        'is what this role is for.',
    };
    // The asset bucket's ARN names the account, region and partition, as literals or as
    // <AWS::…> references depending on what the CLI resolved (issue 10: a hand-written
    // `<AWS::Region>` matched only environment-agnostic synths). So the finding is rendered
    // from the very ARN granted above, by cdk-nag's own renderer.
    for (const arn of assetObjects.values()) {
      deploymentGrants[`Resource::${nagRendering(stack, arn)}`] =
        "Read only, the objects of the account's CDK asset bucket: the console zips' keys are " +
        'content hashes, new with every build, and naming them would make every deploy an IAM ' +
        'change to approve; the handler downloads only the zips it is given.';
    }
    for (const [finding, reason] of Object.entries(deploymentGrants)) {
      Validations.of(deploymentRole).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason });
    }
    // The deployments' Lambda is a stack-level singleton with a runtime that CDK pins.
    for (const child of stack.node.children) {
      if (child.node.id.startsWith('Custom::CDKBucketDeployment')) {
        Validations.of(child).acknowledge({
          id: 'AwsSolutions-L1',
          reason:
            "CDK's BucketDeployment handler: aws-cdk-lib pins python3.13 (with its AWS CLI " +
            'layer); it runs only during deploys and moves on with aws-cdk-lib upgrades.',
        });
      }
    }
  }
}

/**
 * How cdk-nag writes a resource in a finding id (`AwsSolutions-IAM5[Resource::…]`): the value
 * as the template will have it, references as `<AWS::Region>`, `<Id.Arn>`. The rule's own
 * renderer (cdk-nag 3 exports it from no index), so an acknowledgement made with it is the
 * finding in every environment; an upgrade that moves it fails the typecheck.
 */
export function nagRendering(stack: Stack, value: string): string {
  return flattenCfnReference(stack.resolve(value));
}
