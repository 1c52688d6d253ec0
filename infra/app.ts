import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { LOG_LEVELS } from '../functions/config.ts';
import { PantauStack } from './pantau-stack.ts';

const app = new App();

/** A context value (`-c key=value` or cdk.json), or the default. */
const context = (key: string, fallback: string): string => {
  const value: unknown = app.node.tryGetContext(key);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback;
};
const list = (value: string): string[] =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
const authDomainPrefix = context('authDomainPrefix', '');
const logLevel = context('logLevel', 'INFO').toUpperCase();
if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
  // Caught here rather than as a Lambda failing at cold start after the deploy.
  throw new Error(`logLevel must be one of ${LOG_LEVELS.join(', ')}; got ${logLevel}`);
}

new PantauStack(app, context('stackName', process.env.PANTAU_STACK_NAME ?? 'Pantau'), {
  description: 'Pantau: makes government agencies answer the public complaints forwarded to them',
  // The account and region the CLI resolved from the caller's credentials; without them (offline
  // synth) the template stays environment-agnostic.
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  // The distribution's own URLs are always allowed; these add others (a console run elsewhere).
  callbackUrls: list(context('callbackUrls', '')),
  logoutUrls: list(context('logoutUrls', '')),
  ...(authDomainPrefix ? { authDomainPrefix } : {}),
  logLevel,
  mailFrom: context('mailFrom', 'pantau@example.go.id'),
});

// Every finding is an error at synth: fix it, or acknowledge it where it arises with a reason.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
