import { Annotations, App, Validations } from 'aws-cdk-lib';
import { LettersReplyTo, LOG_LEVELS, MailDomains } from '../functions/config.ts';
import {
  authDomainPrefix as domainPrefix,
  contextText,
  existingTable,
  flag,
  list,
  MAIL_INTAKE_CONCURRENCY,
  PLACEHOLDER_MAIL_FROM,
  redirectUrls,
  secretVersionId,
  unknownContextKeys,
  wholeNumber,
} from './context.ts';

const app = new App();

/** The keys whose value is a list: comma-separated with -c, or a JSON list in cdk.json. */
const LIST_KEYS = new Set([
  'callbackUrls',
  'logoutUrls',
  'mailIntakeRecipients',
  'mailStaffDomains',
]);

/** The keys `context` was asked for: the app's settings (infra/README.md, "Context parameters"). */
const settings = new Set<string>();

/**
 * A context value (`-c key=value`, or cdk.json's `context` with its JSON types: `true`, `5`,
 * a list where a list is meant), or the default. Any other type is refused, never ignored.
 */
const context = (key: string, fallback: string): string => {
  settings.add(key);
  return (
    contextText(key, app.node.tryGetContext(key), LIST_KEYS.has(key) ? 'list' : 'single') ??
    fallback
  );
};
// Checked before any stack is built: Cognito would refuse them only in the middle of a deploy.
const callbackUrls = redirectUrls('callbackUrls', context('callbackUrls', ''));
const logoutUrls = redirectUrls('logoutUrls', context('logoutUrls', ''));
// A point-in-time restore, or the table a destroyed stack retained (infra/README.md, "Restore").
const table = existingTable(context('tableName', ''), context('searchKeySecretArn', ''));
// Checked as Cognito checks it: refused mid-deploy, a first deploy leaves a table and a pool.
const authDomainPrefix = domainPrefix(context('authDomainPrefix', ''));
// Cognito's Plus plan, billed per monthly active user with no free tier (infra/README.md).
const threatProtection = flag('threatProtection', context('threatProtection', ''));
const alarmEmail = context('alarmEmail', '');
if (alarmEmail && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(alarmEmail)) {
  throw new Error(`alarmEmail must be an e-mail address; got ${alarmEmail}`);
}
// Where an agency's answer to a letter goes (README, "Documents"): none unless named. Checked
// as the Tick and the sweep parse it, rather than as every letter failing at their cold start.
const lettersReplyTo = context('lettersReplyTo', '');
if (lettersReplyTo && !LettersReplyTo.safeParse(lettersReplyTo).success) {
  throw new Error(`lettersReplyTo must be an e-mail address; got ${lettersReplyTo}`);
}
const logLevel = context('logLevel', 'INFO').toUpperCase();
if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
  // Caught here rather than as a Lambda failing at cold start after the deploy.
  throw new Error(`logLevel must be one of ${LOG_LEVELS.join(', ')}; got ${logLevel}`);
}

// The account and region the CLI resolved: the account from the caller's credentials (none
// offline), the region from AWS_REGION or the profile, and us-east-1 when neither names one.
// So the app cannot tell "nothing set" from a chosen us-east-1, and does not replace the CLI's
// region; it says so when the stack leaves Jakarta. Run outside the CLI (no CDK_DEFAULT_REGION),
// the template stays environment-agnostic.
const account = process.env.CDK_DEFAULT_ACCOUNT;
const region = process.env.CDK_DEFAULT_REGION;

const mailIntakeRecipients = list(context('mailIntakeRecipients', ''));
// Runs reserved for the intake function: 0 in an account whose quota leaves none to reserve.
const mailIntakeConcurrency = wholeNumber(
  'mailIntakeConcurrency',
  context('mailIntakeConcurrency', String(MAIL_INTAKE_CONCURRENCY)),
);

// Central's staff mail domains: a citizen's message forwarded from one is the citizen's
// complaint (README, "E-mail"). Checked here rather than at the function's cold start.
const staffDomains = MailDomains.safeParse(context('mailStaffDomains', ''));
if (!staffDomains.success) {
  throw new Error(
    `mailStaffDomains must be mail domains, comma-separated (setneg.go.id,…); got ${context('mailStaffDomains', '')}`,
  );
}

// After rotating the origin secret: the version CloudFront's header names (infra/README.md).
const originSecretVersion = secretVersionId(
  'originSecretVersion',
  context('originSecretVersion', ''),
);

const stackName = context('stackName', process.env.PANTAU_STACK_NAME ?? 'Pantau');
const mailFrom = context('mailFrom', PLACEHOLDER_MAIL_FROM);

// Every setting is read above. A key that is none of them is a mistyped one (`-c alarmMail=`):
// ignored, the stack would deploy with that setting's default.
const unknown = unknownContextKeys(app.node.getAllContext(), settings);
if (unknown.length > 0) {
  throw new Error(
    `${unknown.join(', ')} ${unknown.length === 1 ? 'is not a setting' : 'are not settings'} of ` +
      `this app; its settings are ${[...settings].sort().join(', ')} (infra/README.md, ` +
      '"Context parameters")',
  );
}

// Every value is checked: only now do the stacks and cdk-nag load (seconds of aws-cdk-lib), so
// a value refused above is refused at once (test/infra/context.test.ts).
const [{ HOME_REGION, pantauStacks }, { AwsSolutionsChecks }] = await Promise.all([
  import('./pantau-stack.ts'),
  import('cdk-nag'),
]);

// Pantau and, with a region, its us-east-1 companion holding the CloudFront web ACL.
const { main: stack } = pantauStacks(app, stackName, {
  description: 'Pantau: makes government agencies answer the public complaints forwarded to them',
  env: { account, region },
  // The distribution's own URLs are always allowed; these add others (a console run elsewhere).
  callbackUrls,
  logoutUrls,
  ...(authDomainPrefix ? { authDomainPrefix } : {}),
  logLevel,
  ...(originSecretVersion ? { originSecretVersion } : {}),
  // Use that table (and its search key) instead of creating them.
  ...table,
  mailFrom,
  // The letters' Reply-To: a mailbox the unit reads (never a complaint address).
  ...(lettersReplyTo ? { lettersReplyTo } : {}),
  // The alarms' SNS topic e-mails this address (it confirms the subscription first).
  ...(alarmEmail ? { alarmEmail } : {}),
  threatProtection,
  // E-mail intake (infra/README.md): SES receives only in some regions, and not in Jakarta.
  ...(mailIntakeRecipients.length > 0
    ? {
        mailIntake: {
          recipients: mailIntakeRecipients,
          concurrency: mailIntakeConcurrency,
          staffDomains: staffDomains.data,
        },
      }
    : {}),
});

if (region && region !== HOME_REGION) {
  Annotations.of(stack).addWarningV2(
    'pantau:region',
    `Region ${region}, not Jakarta (${HOME_REGION}): the table, the user pool and the logs, with ` +
      "the complainants' identities, would be stored outside Indonesia (PP 71/2019). Deploy " +
      `with AWS_REGION=${HOME_REGION} unless this stack holds no real complaints.`,
  );
}

// Every finding is an error at synth: fix it, or acknowledge it where it arises with a reason.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
