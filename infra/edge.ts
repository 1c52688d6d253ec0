import { CfnOutput, Stack } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

/** Where a web ACL for CloudFront must be created (WAF's CLOUDFRONT scope is us-east-1 only). */
export const EDGE_REGION = 'us-east-1';

/**
 * Where the WAF's rate rule applies: the paths of the routes that take a tracking code without
 * a token (`TRACKING_ROUTES`: `POST /v1/track`, `POST /v1/track/reply`) all start with it, as
 * the stack test checks; the old `/v1/track/{code}` paths too, which need a token now. The
 * embedded limiter covers the same routes (packages/api/src/edge.ts).
 */
export const RATE_LIMITED_PREFIX = '/v1/track';

/**
 * Requests one client address may make to those routes in the evaluation window before the
 * WAF answers 429 until its rate falls back under. Per address, so generous: Indonesian mobile
 * carriers put many subscribers behind one address (carrier-grade NAT), and following a case
 * takes a handful of requests. 300 in 5 minutes is one a second sustained: the 2,000
 * lookups in 37 s are refused after a few hundred (WAF counts with a delay of some seconds).
 */
export const RATE_LIMIT = { limit: 300, windowSeconds: 300 } as const;

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
      detail: `too many requests from this address; retry after ${RATE_LIMIT.windowSeconds} seconds`,
      requestId: 'edge',
    };

    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      description: `${props.serves}: rate limit on the tracking routes, AWS common rule set`,
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
          name: 'TrackingRateLimit',
          priority: 0,
          statement: {
            rateBasedStatement: {
              aggregateKeyType: 'IP',
              limit: RATE_LIMIT.limit,
              evaluationWindowSec: RATE_LIMIT.windowSeconds,
              scopeDownStatement: {
                byteMatchStatement: {
                  fieldToMatch: { uriPath: {} },
                  positionalConstraint: 'STARTS_WITH',
                  searchString: RATE_LIMITED_PREFIX,
                  // `/v1/%74rack/…`, `/v1//track/…` or `/V1/Track/…` are counted all the same.
                  textTransformations: [
                    { priority: 0, type: 'URL_DECODE' },
                    { priority: 1, type: 'NORMALIZE_PATH' },
                    { priority: 2, type: 'LOWERCASE' },
                  ],
                },
              },
            },
          },
          action: {
            block: {
              customResponse: {
                responseCode: 429,
                customResponseBodyKey: 'too-many-requests',
                responseHeaders: [{ name: 'retry-after', value: String(RATE_LIMIT.windowSeconds) }],
              },
            },
          },
          visibilityConfig: metrics('tracking-rate-limit'),
        },
        {
          // AWS's baseline rules (OWASP-style: bad inputs, known exploit patterns), no charge
          // beyond the rule's. Its 8 KB body limit is counted, not enforced: complaints and
          // answers are longer, and the API enforces its own 1 MiB.
          name: 'AWSManagedRulesCommonRuleSet',
          priority: 1,
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
