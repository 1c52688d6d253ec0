import type { LadderStarter } from '../../notification.ts';
import type { Store } from '../../ports.ts';

/** What every use case runs against: persistence through the port, time through the clock. */
export interface ServiceDeps {
  readonly store: Store;
  readonly clock: () => Date;
  /** Starts each assignment's escalation ladder once it is written. */
  readonly ladders?: LadderStarter;
}
