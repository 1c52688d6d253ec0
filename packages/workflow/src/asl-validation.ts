/** asl-validator for the definitions' tests (a devDependency: tests only). */
import { createRequire } from 'node:module';

export interface AslValidation {
  readonly isValid: boolean;
  readonly errors: readonly unknown[];
  errorsText(separator?: string): string;
}

// asl-validator is CommonJS (`module.exports = validator`) and ships no type declarations.
export const aslValidator = createRequire(import.meta.url)('asl-validator') as (
  definition: unknown,
  options?: { checkPaths?: boolean; checkArn?: boolean },
) => AslValidation;
