import { describe, expect, it } from 'vitest';
import { aslValidator } from './asl-validation.ts';
import { substitute } from './definition.ts';
import { JOB_INCOMPLETE, REARM_STATE, rearmJobDefinition } from './rearm-definition.ts';
import { RearmTaskInput } from './rearm-tasks.ts';

const ARN = 'arn:aws:lambda:ap-southeast-3:123456789012:function:Pantau-RearmJob';

type State = Record<string, unknown> & { Type: string };
const states = rearmJobDefinition.States as unknown as Record<string, State>;
const map = states[REARM_STATE.rearm] as State & {
  ItemProcessor: { ProcessorConfig: unknown; States: Record<string, State> };
};

describe('rearmJobDefinition (ASL)', () => {
  it.each([
    ['as CDK uploads it (definitionSubstitutions placeholders)', rearmJobDefinition],
    [
      'as Step Functions runs it (ARN substituted)',
      substitute(rearmJobDefinition, { RearmJobFunctionArn: ARN }),
    ],
  ])('is valid Amazon States Language %s', (_, definition) => {
    const result = aslValidator(structuredClone(definition));
    expect(result.errors, result.errorsText()).toEqual([]);
    expect(result.isValid).toBe(true);
  });

  it('is a Distributed Map over the listed chunks, one child execution per chunk', () => {
    expect(map).toMatchObject({
      Type: 'Map',
      ItemsPath: '$.list.chunks',
      ItemSelector: { 'jobId.$': '$.jobId', 'chunk.$': '$$.Map.Item.Value' },
      ResultPath: null,
    });
    expect(map.ItemProcessor.ProcessorConfig).toEqual({
      Mode: 'DISTRIBUTED',
      ExecutionType: 'EXPRESS',
    });
    expect(map.MaxConcurrency).toBeGreaterThan(0);
    // The listing loops until it is complete, then the Map, then Finish.
    expect(states[REARM_STATE.listed]).toMatchObject({
      Type: 'Choice',
      Choices: [{ Variable: '$.list.listed', BooleanEquals: true, Next: REARM_STATE.rearm }],
      Default: REARM_STATE.listPage,
    });
  });

  it('sends each task an input the handler parses, and retries every task', () => {
    const tasks: [string, State][] = [
      ...Object.entries(states),
      ...Object.entries(map.ItemProcessor.States),
    ].filter(([, s]) => s.Type === 'Task');
    expect(tasks.map(([name]) => name).sort()).toEqual(
      [
        REARM_STATE.listPage,
        REARM_STATE.rearmChunk,
        REARM_STATE.finish,
        REARM_STATE.finishFailed,
      ].sort(),
    );
    // What the Parameters produce from `{ jobId }` (and the Map's item), parsed by the handler.
    const sample: Record<string, unknown> = {
      '$.jobId': 'J1',
      '$.chunk': 3,
      '$.error.Error': 'States.TaskFailed',
    };
    for (const [name, task] of tasks) {
      expect(task.Resource, name).toBe('${RearmJobFunctionArn}');
      expect(task.Retry, name).toEqual([expect.objectContaining({ ErrorEquals: ['States.ALL'] })]);
      const input = Object.fromEntries(
        Object.entries(task.Parameters as Record<string, string>).map(([k, v]) =>
          k.endsWith('.$') ? [k.slice(0, -2), sample[v]] : [k, v],
        ),
      );
      expect(RearmTaskInput.safeParse(input).success, name).toBe(true);
    }
  });

  it('records a stopped job before failing the execution', () => {
    for (const name of [REARM_STATE.listPage, REARM_STATE.rearm, REARM_STATE.finish])
      expect(states[name]!.Catch).toEqual([
        { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: REARM_STATE.finishFailed },
      ]);
    expect(states[REARM_STATE.finishFailed]).toMatchObject({ Next: REARM_STATE.failed });
    expect(states[REARM_STATE.failed]).toMatchObject({ Type: 'Fail' });
  });

  it('fails the execution of a job that completed with items it could not do', () => {
    // Finish answers `incomplete` (its words) only then: ExecutionsFailed counts it.
    expect(states[REARM_STATE.finish]).toMatchObject({
      ResultPath: '$.finish',
      Next: REARM_STATE.finished,
    });
    expect(states[REARM_STATE.finished]).toEqual({
      Type: 'Choice',
      Comment: expect.any(String),
      Choices: [{ Variable: '$.finish.incomplete', IsPresent: true, Next: REARM_STATE.incomplete }],
      Default: REARM_STATE.done,
    });
    expect(states[REARM_STATE.incomplete]).toEqual({
      Type: 'Fail',
      Error: JOB_INCOMPLETE,
      CausePath: '$.finish.incomplete',
    });
    expect(states[REARM_STATE.done]).toEqual({ Type: 'Succeed' });
  });
});
