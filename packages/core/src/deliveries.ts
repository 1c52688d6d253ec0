/**
 * The letters' delivery as central follows it: letters the mailer refused until their last
 * attempt are `failed` and wait on central's desk (someone checks the agency's address or
 * sends the letter another way). Kept beside the use cases of service.ts, not in them, so the
 * escalation's operations can grow without that file.
 */
import type { NotificationView } from './schemas.ts';
import { viewNotification } from './notification.ts';
import type { Page, PageRequest, Store } from './ports.ts';

export class Deliveries {
  constructor(private readonly deps: { readonly store: Store }) {}

  /** Letters given up after their delivery attempts, oldest first (central only: the route). */
  async listFailed(page: PageRequest): Promise<Page<NotificationView>> {
    const found = await this.deps.store.listFailedNotifications(page);
    return { items: found.items.map(viewNotification), nextCursor: found.nextCursor };
  }
}
