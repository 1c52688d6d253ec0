import { CfnOutput, Stack } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

/** Where a web ACL for CloudFront must be created (WAF's CLOUDFRONT scope is us-east-1 only). */
export const EDGE_REGION = 'us-east-1';

/**
 * Where the WAF's per-client rate rule applies: the paths of the routes that answer without a
 * token start with one of these, as the stack test checks: the tracking routes
 * (`TRACKING_ROUTES`: `POST /v1/track`, `POST /v1/track/reply`, and the old `/v1/track/{code}`
 * paths, which need a token now) and the complaint form's (`COMPLAINT_ROUTES`: the ALTCHA
 * challenge and the submission). The embedded limiter covers the same routes
 * (packages/api/src/edge.ts).
 */
export const RATE_LIMITED_PREFIXES = ['/v1/track', '/v1/complaints'] as const;

/**
 * Requests one client address may make to those routes in the evaluation window before the
 * WAF answers 429 until its rate falls back under. Per address, so generous: Indonesian mobile
 * carriers put many subscribers behind one address (carrier-grade NAT), and following a case
 * takes a handful of requests. 300 in 5 minutes is one a second sustained: the 2,000
 * lookups in 37 s are refused after a few hundred (WAF counts with a delay of some seconds).
 */
export const RATE_LIMIT = { limit: 300, windowSeconds: 300 } as const;

/**
 * Complaints (`POST /v1/complaints`) one client address may send in 10 minutes: the same
 * figures as the embedded limiter's (`COMPLAINT_RATE_LIMIT` in packages/api/src/edge.ts, which
 * says why). Writing a complaint takes a person minutes; each one is a case central verifies.
 */
export const COMPLAINT_RATE_LIMIT = { limit: 20, windowSeconds: 600 } as const;
export const COMPLAINT_PATH = '/v1/complaints';

/** A path that starts with `prefix`, however it is encoded or cased. */
const pathStartsWith = (prefix: string): wafv2.CfnWebACL.StatementProperty => ({
  byteMatchStatement: {
    fieldToMatch: { uriPath: {} },
    positionalConstraint: 'STARTS_WITH',
    searchString: prefix,
    // `/v1/%74rack/…`, `/v1//track/…` or `/V1/Track/…` are counted all the same.
    textTransformations: [
      { priority: 0, type: 'URL_DECODE' },
      { priority: 1, type: 'NORMALIZE_PATH' },
      { priority: 2, type: 'LOWERCASE' },
    ],
  },
});

/** Refused with the app's 429 problem, `Retry-After` the rule's window. */
const block = (retryAfterSeconds: number): wafv2.CfnWebACL.RuleActionProperty => ({
  block: {
    customResponse: {
      responseCode: 429,
      customResponseBodyKey: 'too-many-requests',
      responseHeaders: [{ name: 'retry-after', value: String(retryAfterSeconds) }],
    },
  },
});

export interface PantauEdgeStackProps extends StackProps {
  /** The stack it serves (for names and descriptions). */
  readonly serves: string;
}

/**
 * The us-east-1 companion of a Pantau stack: the CloudFront web ACL, whose ARN the main
 * stack's distribution takes through a cross-region reference. Holds configuration only, no
 * data (infra/README.md, "Regions").
 */
export class PantauEdgeStack extends Stack {
  readonly webAcl: wafv2.CfnWebACL;
  /** The web ACL's ARN: what a CloudFront distribution's `webAclId` takes. */
  readonly webAclArn: string;

  constructor(scope: Construct, id: string, props: PantauEdgeStackProps) {
    super(scope, id, props);
    // Metrics only: sampled requests would keep requests' paths and headers (bearer tokens, and
    // tracking codes while they are in the path) for hours in us-east-1. Turn them on in the
    // console while tuning a rule.
    const metrics = (name: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      metricName: `${props.serves}-${name}`,
      sampledRequestsEnabled: false,
    });
    // The app's own problem shape (RFC 9457), as far as WAF allows: its content type is
    // application/json (WAF offers no other JSON type) and it has no request id of ours.
    const tooManyRequests = {
      type: 'urn:pantau:problem:rate_limited',
      title: 'Too Many Requests',
      status: 429,
      code: 'rate_limited',
      detail: 'too many requests from this address; retry after Retry-After seconds',
      requestId: 'edge',
    };

    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      description: `${props.serves}: rate limits on the public routes, AWS common rule set`,
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: metrics('web-acl'),
      customResponseBodies: {
        'too-many-requests': {
          contentType: 'APPLICATION_JSON',
          content: JSON.stringify(tooManyRequests),
        },
      },
      rules: [
        {
          // First: a flood is refused before the managed rules spend capacity on it.
          name: 'PublicRateLimit',
          priority: 0,
          statement: {
            rateBasedStatement: {
              aggregateKeyType: 'IP',
              limit: RATE_LIMIT.limit,
              evaluationWindowSec: RATE_LIMIT.windowSeconds,
              scopeDownStatement: {
                orStatement: { statements: RATE_LIMITED_PREFIXES.map(pathStartsWith) },
              },
            },
          },
          action: block(RATE_LIMIT.windowSeconds),
          visibilityConfig: metrics('public-rate-limit'),
        },
        {
          // Sending a complaint, stricter: a person sends one in minutes, a script many.
          name: 'ComplaintRateLimit',
          priority: 1,
          statement: {
            rateBasedStatement: {
              aggregateKeyType: 'IP',
              limit: COMPLAINT_RATE_LIMIT.limit,
              evaluationWindowSec: COMPLAINT_RATE_LIMIT.windowSeconds,
              scopeDownStatement: {
                andStatement: {
                  statements: [
                    {
                      byteMatchStatement: {
                        fieldToMatch: { method: {} },
                        positionalConstraint: 'EXACTLY',
                        searchString: 'POST',
                        textTransformations: [{ priority: 0, type: 'NONE' }],
                      },
                    },
                    pathStartsWith(COMPLAINT_PATH),
                  ],
                },
              },
            },
          },
          action: block(COMPLAINT_RATE_LIMIT.windowSeconds),
          visibilityConfig: metrics('complaint-rate-limit'),
        },
        {
          // AWS's baseline rules (OWASP-style: bad inputs, known exploit patterns), no charge
          // beyond the rule's. Its 8 KB body limit is counted, not enforced: complaints and
          // answers are longer, and the API enforces its own 1 MiB.
          name: 'AWSManagedRulesCommonRuleSet',
          priority: 2,
          overrideAction: { none: {} },
          statement: {
            managedRuleGroupStatement: {
              vendorName: 'AWS',
              name: 'AWSManagedRulesCommonRuleSet',
              ruleActionOverrides: [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }],
            },
          },
          visibilityConfig: metrics('common-rule-set'),
        },
      ],
    });
    this.webAclArn = this.webAcl.attrArn;
    new CfnOutput(this, 'WebAclArn', {
      value: this.webAclArn,
      description: `The CloudFront web ACL of ${props.serves}`,
    });
  }
}
