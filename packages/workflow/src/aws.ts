/**
 * The engine's AWS adapters: Step Functions starts the ladders (one Standard execution per
 * ladder ref, plus one per continuation segment) and SES sends the letters. The Lambdas in
 * `functions/` wire them up; everything else stays in `tick.ts`, shared with the embedded engine.
 */
import { createHash } from 'node:crypto';
import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import type { SFNClient } from '@aws-sdk/client-sfn';
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import {
  AddressesRefused,
  type ComplainantMailer,
  type ComplainantMessage,
  type LadderRef,
  type LadderStarter,
  letterReplyTo,
  type Mailer,
  type NotificationRecord,
  unavailable,
} from '@pantau/core';
import { letterMessage, replyMessage } from '@pantau/documents';
import { LETTER_TAGS } from './ses-events.ts';
import { TickInput } from './tick.ts';

/** Step Functions execution names: 1–80 characters; only these when logging to CloudWatch. */
const NAME_MAX = 80;
const NAME_CHARS = /^[A-Za-z0-9_-]+$/;

/**
 * The execution name of a ladder ref (and segment): `<caseId>-<agencyId>-<generation>-<token>`,
 * `-s<segment>` after the first. Deterministic, so starting the same ladder twice names the same
 * execution and Step Functions refuses the second. A name that does not fit the rules (too long,
 * or a character outside `[A-Za-z0-9_-]`) keeps a readable prefix and ends in a hash of the whole
 * name, so two refs never share a name.
 */
export function executionName(ref: LadderRef, segment = 0): string {
  const name = [ref.caseId, ref.agencyId, ref.generation, ref.token].join('-');
  const full = segment > 0 ? `${name}-s${segment}` : name;
  if (full.length <= NAME_MAX && NAME_CHARS.test(full)) return full;
  const hash = createHash('sha256').update(full).digest('hex').slice(0, 16);
  const prefix = full.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, NAME_MAX - hash.length - 1);
  return `${prefix}-${hash}`;
}

export interface SfnLadderStarterProps {
  readonly client: SFNClient;
  /** The escalation ladder state machine (`STATE_MACHINE_ARN`). */
  readonly stateMachineArn: string;
  /**
   * The correlation id of the work in progress (the API request), put in each execution's
   * input so Tick's log lines name the request that armed the ladder.
   */
  readonly correlationId?: () => string | undefined;
}

/** An execution's state as the sweep needs it. */
export type ExecutionState = 'running' | 'ended' | 'missing';

/** Ladders the sweep can look at and start again (`SfnLadderStarter` on AWS). */
export interface LadderExecutions extends LadderStarter {
  /** Whether this ref's execution (its last segment) runs, has ended, or was never started. */
  state(ref: LadderRef): Promise<ExecutionState>;
}

const alreadyExists = (error: unknown): boolean =>
  // By name too: the class check fails if two copies of the SDK end up in one bundle.
  error instanceof ExecutionAlreadyExists || (error as Error).name === 'ExecutionAlreadyExists';

/** Segments a ladder is followed through before the sweep stops looking (400 passes each). */
const MAX_SEGMENTS = 50;

/** Arms a ladder by starting its execution of the ladder state machine. */
export class SfnLadderStarter implements LadderExecutions {
  private readonly client: SFNClient;
  private readonly stateMachineArn: string;
  private readonly correlationId: () => string | undefined;

  constructor(props: SfnLadderStarterProps) {
    this.client = props.client;
    this.stateMachineArn = props.stateMachineArn;
    this.correlationId = props.correlationId ?? (() => undefined);
  }

  arm(ref: LadderRef): Promise<void> {
    return this.start(ref, 0);
  }

  /**
   * Follows the ladder's segments by their deterministic names: the first that does not exist
   * ends the chain, and the one before it is the ladder's current execution.
   */
  async state(ref: LadderRef): Promise<ExecutionState> {
    let last: string | undefined;
    for (let segment = 0; segment < MAX_SEGMENTS; segment += 1) {
      const status = await this.status(executionName(ref, segment));
      if (status === undefined) break;
      last = status;
      // A segment that ended by continuing has a successor; any other end is the ladder's.
      if (status !== 'SUCCEEDED') break;
    }
    if (last === undefined) return 'missing';
    return last === 'RUNNING' || last === 'PENDING_REDRIVE' ? 'running' : 'ended';
  }

  private async status(name: string): Promise<string | undefined> {
    const executionArn = `${this.stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
    try {
      const out = await this.client.send(new DescribeExecutionCommand({ executionArn }));
      return out.status;
    } catch (error) {
      if (
        error instanceof ExecutionDoesNotExist ||
        (error as Error).name === 'ExecutionDoesNotExist'
      )
        return undefined;
      throw error;
    }
  }

  /**
   * Starts segment `segment` of a ladder. The input carries the ref's fields only, in a fixed
   * order: a retry of the same start sends byte-identical input, which Step Functions treats as
   * the same request while the execution runs; any other repeat of the name is refused with
   * `ExecutionAlreadyExists`, which means the ladder is (or was) running already, so it is
   * success here. A re-armed ladder has a new token, hence a new name.
   */
  async start(
    ref: LadderRef,
    segment: number,
    correlationId = this.correlationId(),
  ): Promise<void> {
    const input = {
      caseId: ref.caseId,
      agencyId: ref.agencyId,
      generation: ref.generation,
      token: ref.token,
      ...(segment > 0 ? { segment } : {}),
      ...(correlationId ? { correlationId } : {}),
    };
    try {
      await this.client.send(
        new StartExecutionCommand({
          stateMachineArn: this.stateMachineArn,
          name: executionName(ref, segment),
          input: JSON.stringify(input),
        }),
      );
    } catch (error) {
      if (alreadyExists(error)) return;
      // Throttled or failing past the SDK's retries: the domain's `unavailable` (503 at the API;
      // the ladder is already in the table, so the sweep starts it if nobody retries).
      const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
      if (e.name === 'ThrottlingException' || (e.$metadata?.httpStatusCode ?? 0) >= 500)
        throw unavailable(error);
      throw error;
    }
  }
}

/**
 * The `ContinueAsNew` task: hands the ladder to a fresh execution (segment + 1, pass count
 * reset) before this one's history grows too long. Its input is the state's whole input (the
 * ref, the segment and the last tick's result); the new execution re-reads the table first, so
 * nothing else needs carrying over.
 */
export async function continueLadder(
  starter: SfnLadderStarter,
  rawInput: unknown,
): Promise<{ readonly segment: number; readonly name: string }> {
  const input = TickInput.parse(rawInput);
  const ref: LadderRef = {
    caseId: input.caseId,
    agencyId: input.agencyId,
    generation: input.generation,
    token: input.token,
  };
  const segment = input.segment + 1;
  // The next segment goes on under the id that armed the ladder.
  await starter.start(ref, segment, input.correlationId);
  return { segment, name: executionName(ref, segment) };
}

export interface SesMailerProps {
  readonly client: SESv2Client;
  /** The From address; its address or domain must be a verified SES identity. */
  readonly fromAddress: string;
  /** SES configuration set (reputation metrics, suppression, event destinations). */
  readonly configurationSetName?: string;
  /**
   * The letters' `Reply-To`: the mailbox the unit reads, where an agency's answer by e-mail
   * goes (`fromAddress` may receive nothing). None: the unit's e-mail its document settings
   * named when the letter was written (`letterReplyTo`), or no `Reply-To`. A receipt's is its own.
   */
  readonly replyTo?: string;
}

// SES rejects the whole message for a header value outside printable ASCII or a tag value
// outside [A-Za-z0-9_-]. Ids are ULIDs and agency ids [a-z0-9-], so these only guard.
const headerValue = (value: string): string => value.replace(/[^\x20-\x7e]/g, '?');
const tagValue = (value: string): string => value.replace(/[^A-Za-z0-9_-]/g, '_');

/**
 * A letter's message tags (`LETTER_TAGS`): SES's events carry them back, so a bounce minutes
 * after the send finds its letter by its key (case and id; ses-events.ts), and the
 * configuration set's metrics count it per agency.
 */
const letterTags = (n: NotificationRecord) => [
  { Name: LETTER_TAGS.notification, Value: tagValue(n.id) },
  { Name: LETTER_TAGS.case, Value: tagValue(n.caseId) },
  { Name: LETTER_TAGS.agency, Value: tagValue(n.agencyId) },
];

/**
 * An address SES takes in a message: ASCII, no space, quote or bracket in its local part (at
 * most 64 characters), a domain of two or more labels of letters, digits and inner hyphens.
 * Stricter than RFC 5321 (a quoted local part is left out): a contact's address is checked so
 * when saved (`z.email()`), so only an older one fails here.
 */
const SES_ADDRESS =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/**
 * SES's sandbox refusing a message for addresses not verified (`MessageRejected`: "Email address
 * is not verified. The following identities failed the check in region …: a@x, b@y"), as the
 * letter's addresses it names; undefined for any other error.
 */
function unverifiedOf(error: unknown, n: NotificationRecord): AddressesRefused | undefined {
  if (!(error instanceof Error) || error.name !== 'MessageRejected') return undefined;
  const listed = /failed the check in region [^:]*:\s*(.+)$/i.exec(error.message)?.[1];
  if (!listed) return undefined;
  const named = new Set(listed.split(/[,\s]+/).map((a) => a.toLowerCase()));
  const refused = [...n.recipients, ...n.cc].filter((a) => named.has(a.toLowerCase()));
  return refused.length > 0
    ? new AddressesRefused(
        refused.map((address) => ({
          address,
          reason: 'not verified in SES (its sandbox sends only to verified addresses)',
        })),
      )
    : undefined;
}

/**
 * Sends letters with SES (v2 `SendEmail`, simple content, UTF-8 text). SES has no idempotency
 * key, so a repeat after a crash between sending and recording it sends the letter again; the
 * notification id travels in an `X-Pantau-Notification` header and in the `notification` message
 * tag (SES event destinations carry it), so a duplicate is traceable to one letter. SES accepting
 * a letter is not its delivery: a bounce reported later fails it (ses-events.ts).
 */
export class SesMailer implements Mailer, ComplainantMailer {
  private readonly client: SESv2Client;
  private readonly fromAddress: string;
  private readonly configurationSetName: string | undefined;
  private readonly replyTo: string | undefined;

  constructor(props: SesMailerProps) {
    this.client = props.client;
    this.fromAddress = props.fromAddress;
    this.configurationSetName = props.configurationSetName;
    this.replyTo = props.replyTo;
  }

  /**
   * SES refuses a whole message for one address it will not take: an illegal one (`Illegal
   * address`, which names none) or, in the sandbox, one not verified. Both are thrown as
   * `AddressesRefused`, naming them, so the letter goes to its other addresses
   * (`sendClaimed`): an address SES would find illegal is refused here, before it is asked.
   * An address SES accepts and the receiving server refuses bounces later (ses-events.ts).
   */
  async send(n: NotificationRecord, at?: Date): Promise<void> {
    const illegal = [...n.recipients, ...n.cc].filter((address) => !SES_ADDRESS.test(address));
    if (illegal.length > 0)
      throw new AddressesRefused(
        illegal.map((address) => ({
          address,
          reason: 'illegal address: SES refuses the whole message for it',
        })),
      );
    try {
      // Issue 15: a letter that is a document goes raw, as multipart/mixed with its PDF.
      await (n.document ? this.sendRaw(n, at) : this.sendSimple(n));
    } catch (error) {
      throw unverifiedOf(error, n) ?? error;
    }
  }

  /** A letter without its PDF: simple content (SES dates the message itself). */
  private async sendSimple(n: NotificationRecord): Promise<void> {
    const replyTo = letterReplyTo(n, this.replyTo);
    await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: this.fromAddress,
        Destination: { ToAddresses: [...n.recipients], CcAddresses: [...n.cc] },
        ...(replyTo ? { ReplyToAddresses: [replyTo] } : {}),
        Content: {
          Simple: {
            Subject: { Data: n.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: n.body, Charset: 'UTF-8' } },
            Headers: [
              { Name: 'X-Pantau-Notification', Value: headerValue(n.id) },
              { Name: 'X-Pantau-Case', Value: headerValue(n.caseId) },
            ],
          },
        },
        EmailTags: letterTags(n),
        ...(this.configurationSetName ? { ConfigurationSetName: this.configurationSetName } : {}),
      }),
    );
  }

  /**
   * An e-mail complainant's receipt, from the letters' address: raw content, as SES's simple
   * content takes no `In-Reply-To`, `References` nor `Auto-Submitted`. A repeat (a crash
   * before it was marked sent) carries the same Message-ID, so their client may show one.
   */
  async reply(m: ComplainantMessage): Promise<void> {
    const domain = this.fromAddress.split('@')[1] ?? 'pantau.invalid';
    const data = await replyMessage(m, { from: this.fromAddress, messageIdDomain: domain });
    await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: this.fromAddress,
        Destination: { ToAddresses: [m.to] },
        Content: { Raw: { Data: data } },
        ...(this.configurationSetName ? { ConfigurationSetName: this.configurationSetName } : {}),
      }),
    );
  }

  /** The letter with its PDF as one raw MIME message (SES v2 `SendEmail`, raw content). */
  private async sendRaw(n: NotificationRecord, at?: Date): Promise<void> {
    const domain = this.fromAddress.split('@')[1] ?? 'pantau.invalid';
    const replyTo = letterReplyTo(n, this.replyTo);
    const data = await letterMessage(n, {
      from: this.fromAddress,
      messageIdDomain: domain,
      ...(at ? { date: at } : {}),
      ...(replyTo ? { replyTo } : {}),
    });
    await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: this.fromAddress,
        Destination: { ToAddresses: [...n.recipients], CcAddresses: [...n.cc] },
        Content: { Raw: { Data: data } },
        EmailTags: letterTags(n),
        ...(this.configurationSetName ? { ConfigurationSetName: this.configurationSetName } : {}),
      }),
    );
  }
}
