import { App } from 'aws-cdk-lib';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pantauStacks } from '../infra/pantau-stack.ts';

/**
 * The fixed parts of the stack as deployed, counted from its template: synthesised in Jakarta
 * (with its us-east-1 companion, which holds the web ACL), without bundling the functions.
 */
export function inventory() {
  const cdkJson = JSON.parse(readFileSync(new URL('../cdk.json', import.meta.url), 'utf8')) as {
    context: Record<string, unknown>;
  };
  const dir = mkdtempSync(join(tmpdir(), 'pantau-cost-'));
  const web = join(dir, 'web');
  try {
    mkdirSync(web);
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>Pantau</title>');
    // The assembly beside the web folder, removed with it (an App's default is a folder of its
    // own in the temporary directory, left behind).
    const app = new App({
      outdir: join(dir, 'cdk.out'),
      context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] },
    });
    pantauStacks(app, 'Pantau', {
      env: { account: '123456789012', region: 'ap-southeast-3' },
      callbackUrls: [],
      logoutUrls: [],
      logLevel: 'INFO',
      mailFrom: 'pantau@example.go.id',
      alarmEmail: 'ops@example.go.id',
      webAssetsPath: web,
    });
    type Resource = { Type: string; Properties?: Record<string, unknown> };
    const resources = app
      .synth()
      .stacks.flatMap((s) => Object.values((s.template as { Resources: object }).Resources))
      .map((r) => r as Resource);
    const ofType = (type: string) => resources.filter((r) => r.Type === type);
    const alarms = ofType('AWS::CloudWatch::Alarm');
    const schedule = ofType('AWS::Events::Rule')
      .map((r) => String(r.Properties?.ScheduleExpression ?? ''))
      .map((e) => /^rate\((\d+) minutes?\)$/.exec(e)?.[1])
      .find(Boolean);
    if (!schedule) throw new Error('no sweep schedule (rate(n minutes)) in the template');
    const plans = ofType('AWS::GuardDuty::MalwareProtectionPlan');
    return {
      alarms: alarms.length,
      // A metric math alarm pays for each metric it reads.
      alarmMetrics: alarms.reduce((sum, a) => {
        const metrics = a.Properties?.Metrics as { MetricStat?: unknown }[] | undefined;
        return sum + (metrics ? metrics.filter((m) => m.MetricStat).length : 1);
      }, 0),
      dashboards: ofType('AWS::CloudWatch::Dashboard').length,
      secrets: ofType('AWS::SecretsManager::Secret').length,
      webAcls: ofType('AWS::WAFv2::WebACL').length,
      wafRules: ofType('AWS::WAFv2::WebACL').reduce(
        (sum, acl) => sum + ((acl.Properties?.Rules as unknown[] | undefined)?.length ?? 0),
        0,
      ),
      malwarePlans: plans.length,
      malwareBuckets: plans.map((p) =>
        JSON.stringify(
          (p.Properties?.ProtectedResource as { S3Bucket?: { BucketName?: unknown } })?.S3Bucket
            ?.BucketName,
        ),
      ),
      // Metrics only where a destination publishes to CloudWatch: the letters' bounces and
      // rejects also go to EventBridge (LetterBounces), which makes no metric.
      sesEventTypes: ofType('AWS::SES::ConfigurationSetEventDestination').reduce((sum, d) => {
        const destination = d.Properties?.EventDestination as
          { MatchingEventTypes?: unknown[]; CloudWatchDestination?: unknown } | undefined;
        return destination?.CloudWatchDestination
          ? sum + (destination.MatchingEventTypes ?? []).length
          : sum;
      }, 0),
      sweepMinutes: Number(schedule),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
