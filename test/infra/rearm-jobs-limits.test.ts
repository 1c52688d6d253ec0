/**
 * The re-arm state machine as deployed (infra/rearm-jobs.ts): what its Distributed
 * Map's Express children and its alarm promise. Bundling skipped: these are the template's
 * numbers and texts, not the functions' code.
 */
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REARM_STATE, rearmJobDefinition } from '@pantau/workflow';
import { PantauStack } from '../../infra/pantau-stack.ts';

type Resource = { Type: string; Properties?: Record<string, unknown> };

const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context: Record<string, unknown>;
};
const webDist = mkdtempSync(join(tmpdir(), 'pantau-web-'));
let resources: Record<string, Resource>;

beforeAll(() => {
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Pantau</title>');
  const app = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
  const stack = new PantauStack(app, 'PantauAudit', {
    callbackUrls: ['http://localhost:5173/auth/callback'],
    logoutUrls: ['http://localhost:5173/'],
    authDomainPrefix: 'pantau-audit',
    logLevel: 'INFO',
    mailFrom: 'pantau@example.go.id',
    alarmEmail: 'ops@example.go.id',
    webAssetsPath: webDist,
  });
  resources = Template.fromStack(stack).toJSON().Resources as Record<string, Resource>;
}, 120_000);

afterAll(() => rmSync(webDist, { recursive: true, force: true }));

const only = (type: string, id: RegExp): Resource => {
  const found = Object.entries(resources).filter(([k, r]) => r.Type === type && id.test(k));
  if (found.length !== 1) throw new Error(`${found.length} ${type} matching ${id}`);
  return found[0]![1];
};

describe('the Distributed Map’s Express children', () => {
  it('leave the chunk task room to be retried within an Express execution’s 5 minutes', () => {
    const map = rearmJobDefinition.States[REARM_STATE.rearm];
    expect(map.ItemProcessor.ProcessorConfig.ExecutionType).toBe('EXPRESS');
    const EXPRESS_LIMIT_S = 300;
    const timeout = only('AWS::Lambda::Function', /^RearmJobsTask/).Properties?.Timeout as number;
    const retry = map.ItemProcessor.States[REARM_STATE.rearmChunk].Retry[0]!;
    // A chunk whose attempt runs to the Lambda's timeout (a throttled table under the SDK's own
    // retries) ends the child execution with it: the Retry never runs, the Map fails, and the
    // whole job with it. Today: 300 s, the Express limit itself.
    expect(timeout + retry.IntervalSeconds).toBeLessThan(EXPRESS_LIMIT_S);
    // Every attempt running to the timeout, and every wait between them.
    let waits = 0;
    for (let i = 0; i < retry.MaxAttempts; i += 1)
      waits += retry.IntervalSeconds * retry.BackoffRate ** i;
    expect(retry.MaxAttempts).toBeGreaterThan(0);
    expect((retry.MaxAttempts + 1) * timeout + waits).toBeLessThan(EXPRESS_LIMIT_S);
  });
});

describe('the roles that start jobs', () => {
  it('may look up a job’s executions by name (a closed one’s job is started under the next)', () => {
    const policies = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::IAM::Policy');
    const describers = policies.filter(([, policy]) =>
      JSON.stringify(policy.Properties?.PolicyDocument).includes(
        ':execution:PantauAudit-rearm:rearm-*',
      ),
    );
    const roles = describers.map(([, p]) => JSON.stringify(p.Properties?.Roles));
    expect(roles.some((r) => r.includes('SeedHandler'))).toBe(true);
    expect(roles.some((r) => /"Api[A-Za-z]*Handler/.test(r))).toBe(true);
  });
});

describe('the failed-job alarm', () => {
  it('does not promise that any next deploy starts the upgrade again', () => {
    const alarm = only('AWS::CloudWatch::Alarm', /^RearmJobsExecutionsFailedAlarm/);
    const text = alarm.Properties?.AlarmDescription as string;
    // Only a deploy that changes the seed code seeds (its version is the custom resource's
    // property): a deploy of the same release runs no seed and starts nothing.
    expect(text).not.toMatch(/the next deploy starts it again/);
  });

  it('counts and names a job that completed with items it could not do', () => {
    const alarm = only('AWS::CloudWatch::Alarm', /^RearmJobsExecutionsFailedAlarm/);
    // The metric is the re-arm machine's failed executions, which such a job's now is.
    expect(alarm.Properties).toMatchObject({
      MetricName: 'ExecutionsFailed',
      Namespace: 'AWS/States',
      Statistic: 'Sum',
      Threshold: 1,
    });
    expect(JSON.stringify(alarm.Properties?.Dimensions)).toContain('RearmJobsStateMachine');
    const text = alarm.Properties?.AlarmDescription as string;
    expect(text).toMatch(/completed with N it could not do \(error JobIncomplete/);
    expect(text).toContain('GET /v1/jobs/{job id}');
    expect(text).toContain('POST /v1/jobs/{job id}/retry');
  });
});
