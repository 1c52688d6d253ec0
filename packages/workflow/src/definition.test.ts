import { describe, expect, it } from 'vitest';
import { aslValidator } from './asl-validation.ts';
import { ladderDefinition, STATE, substitute } from './definition.ts';

/** Walks every value of a JSON-like object, with its path. */
const walk = (value: unknown, path: string, visit: (path: string, value: unknown) => void) => {
  visit(path, value);
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) walk(child, `${path}.${key}`, visit);
  }
};

// What CloudFormation's definitionSubstitutions produce on AWS.
const ARNS = {
  TickFunctionArn: 'arn:aws:lambda:ap-southeast-3:123456789012:function:Pantau-EscalationTick',
  ContinueFunctionArn:
    'arn:aws:lambda:ap-southeast-3:123456789012:function:Pantau-EscalationContinue',
};

type TaskState = { Type: 'Task'; Resource: string };
const states = ladderDefinition.States as Record<string, { Type: string }>;
const tasks = Object.entries(states).filter(
  (entry): entry is [string, TaskState] => entry[1].Type === 'Task',
);

describe('ladderDefinition (ASL)', () => {
  it.each([
    ['as CDK uploads it (definitionSubstitutions placeholders)', ladderDefinition],
    ['as Step Functions runs it (ARNs substituted)', substitute(ladderDefinition, ARNS)],
  ])('is valid Amazon States Language %s', (_, definition) => {
    // The validator writes QueryLanguage into every state: give it a copy.
    const result = aslValidator(structuredClone(definition));
    expect(result.errors, result.errorsText()).toEqual([]);
    expect(result.isValid).toBe(true);
  });

  it('has exactly the states STATE names, starting at Tick', () => {
    expect(Object.keys(states).sort()).toEqual(Object.values(STATE).sort());
    expect(ladderDefinition.StartAt).toBe(STATE.tick);
    expect(states[STATE.sleep]).toMatchObject({ Type: 'Wait', TimestampPath: '$.tick.wakeAt' });
  });

  it('uses JSONPath only: no JSONata anywhere, no Arguments/Output/Assign', () => {
    const found: string[] = [];
    walk(ladderDefinition, '$', (path, value) => {
      if (/\.(QueryLanguage|Arguments|Output|Assign)$/.test(path)) found.push(path);
      if (typeof value === 'string' && /\{%.*%\}/s.test(value)) found.push(`${path}: ${value}`);
    });
    expect(found).toEqual([]);
  });

  it('calls Lambdas by plain ARN placeholders: no lambda:invoke integration, no task tokens', () => {
    expect(tasks.map(([name, task]) => [name, task.Resource])).toEqual([
      [STATE.tick, '${TickFunctionArn}'],
      [STATE.continueAsNew, '${ContinueFunctionArn}'],
    ]);
    const text = JSON.stringify(ladderDefinition);
    expect(text).not.toContain('.waitForTaskToken');
    expect(text).not.toContain('arn:aws:states:::');
    expect(text).not.toContain('TaskToken');
    // The only placeholders are the two that CDK's definitionSubstitutions fill.
    expect([...new Set(text.match(/\$\{\w+\}/g))].sort()).toEqual([
      '${ContinueFunctionArn}',
      '${TickFunctionArn}',
    ]);
  });

  it('is fully substituted for the local interpreter', () => {
    const text = JSON.stringify(substitute(ladderDefinition, ARNS));
    expect(text).not.toMatch(/\$\{\w+\}/);
    expect(text).toContain(ARNS.TickFunctionArn);
    expect(text).toContain(ARNS.ContinueFunctionArn);
  });
});
