import { RemovalPolicy } from 'aws-cdk-lib';
import type * as s3 from 'aws-cdk-lib/aws-s3';

/**
 * What the stack keeps when it is destroyed or the resource replaced, but not from a first
 * create that rolls back (CloudFormation's `RetainExceptOnCreate`): the buckets, the search key
 * and the API's access log group are empty then, and a failed first deploy would otherwise leave
 * a set of them behind on each attempt (infra/README.md, "If the first deploy fails"). The table
 * and the user pool keep `RETAIN`: with deletion protection on, a rollback could not delete them.
 */
export const KEPT = RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE;

/**
 * Keeps a kept bucket's policy with it. CDK gives the `AWS::S3::BucketPolicy` it makes (for
 * `enforceSSL`, `addToResourcePolicy`) no DeletionPolicy, so `cdk destroy` would delete it and
 * leave the bucket without its TLS-only rule or, for the attachments, the rule that refuses
 * objects never scanned clean. Call after the bucket's first policy statement exists.
 */
export function keepPolicyOf(bucket: s3.Bucket): void {
  if (!bucket.policy) throw new Error(`${bucket.node.path} has no bucket policy to keep`);
  bucket.policy.applyRemovalPolicy(KEPT);
}
