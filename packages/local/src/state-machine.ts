import { substitute } from '@pantau/workflow';
import { StateMachine } from 'aws-local-stepfunctions';

/**
 * One of the project's state machines on the local interpreter, its Lambda ARNs filled in.
 * The definitions are constants, validated with asl-validator where they are written
 * (packages/workflow's definition tests) and by Step Functions when the stack is deployed; the
 * interpreter's own validation of the same constant (ajv compiling the ASL schema: 130 to 300 ms
 * of CPU per machine, at every start of the runtime and in every engine a test builds) is not
 * repeated.
 */
export function localStateMachine(definition: unknown, arns: Record<string, string>): StateMachine {
  return new StateMachine(
    substitute(definition, arns) as ConstructorParameters<typeof StateMachine>[0],
    {
      validationOptions: { noValidate: true },
    },
  );
}
