/**
 * The engine's AWS adapters: Step Functions starts the ladders (one Standard execution per
 * ladder ref, plus one per continuation segment); SES sends the letters (`ses-mailer.ts`). The
 * Lambdas in `functions/` wire them up; everything else stays in `tick.ts`, shared with the
 * embedded engine.
 */
import { createHash } from 'node:crypto';
import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import type { SFNClient } from '@aws-sdk/client-sfn';
import { type LadderRef, type LadderStarter, unavailable } from '@pantau/core';
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
