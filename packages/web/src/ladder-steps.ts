/**
 * The escalation ladder's steps as the admin reads them, and the names the API keys them by.
 * The admin never types a name: a step is read by what it does and its place ("Surat pengingat
 * II", as its letter is titled), and a step added is named after them (`reminder_2`), as the
 * default ladder names its own. A saved step keeps its name whatever is changed: the ladder
 * writes each rung once per episode under its name, so a step renamed would be written again.
 */
import { stepLabel, type Translate } from './i18n/i18n';

/** A step as the editor holds it: `name` empty until it is sent (a step just added). */
export interface EditedStep {
  readonly name?: string | undefined;
  readonly action?: string | undefined;
}

/**
 * The name the `nth` step of its action takes: `reminder_n` for a reminder (numbered as its
 * letter), the action alone for the first of any other (`formal_warning`), then `_2`, `_3`.
 */
const nameOf = (action: string, nth: number) =>
  action === 'reminder' || nth > 1 ? `${action}_${nth}` : action;

/** Which of its action step `i` is: 1 for the first reminder, 2 for the second. */
const nthOfAction = (steps: readonly EditedStep[], i: number) =>
  steps.slice(0, i + 1).filter((s) => s.action === steps[i]?.action).length;

/**
 * Step `i` as people read it, from its action and place ("Surat pengingat II", "Surat
 * penegasan 2"), the words the timeline and the letters use for a step so named.
 */
export function stepTitle(t: Translate, steps: readonly EditedStep[], i: number): string {
  const action = steps[i]?.action;
  return action ? stepLabel(t, nameOf(action, nthOfAction(steps, i))) : '';
}

/**
 * The ladder to send: each step not yet named (added in the editor) named after its action and
 * place, or, where that name is another step's, the next number free (names are unique: the
 * API refuses a ladder naming two steps alike). Named at each send, so a step added follows its
 * action until it is saved; a saved step keeps its name.
 */
export function namedLadder<S extends EditedStep>(steps: readonly S[]): S[] {
  const taken = new Set(steps.map((s) => s.name).filter(Boolean));
  return steps.map((step, i) => {
    if (step.name || !step.action) return step;
    let nth = nthOfAction(steps, i);
    while (taken.has(nameOf(step.action, nth))) nth += 1;
    const name = nameOf(step.action, nth);
    taken.add(name);
    return { ...step, name };
  });
}
