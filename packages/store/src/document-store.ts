/**
 * The documents' access patterns (issue 15): the unit's document settings, the yearly
 * counters behind agenda and letter numbers, a case's attachments, one letter by id. A layer
 * of `DynamoStore` (dynamo-store.ts), in its own file; `documentItems` adds the documents'
 * writes to a case's transaction (an agenda number claimed with its case, attachments).
 */
import {
  type AttachmentRecord,
  CENTRAL_TENANT,
  type CaseChange,
  type DocumentSettings,
  type DocumentStore,
  GroupedCalls,
  type NotificationRecord,
  storedDocumentSettings,
  type VersionedPut,
  type WriteConflict,
} from '@pantau/core';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { record, type TransactItem } from './dynamo-table.ts';
// The re-arming jobs' layer sits below (job-store.ts).
import { JobStore } from './job-store.ts';
import type { Item } from './items.ts';
import { keys } from './keys.ts';

const C = CENTRAL_TENANT;

export const documentKeys = {
  settings: { pk: `${C}#SETTINGS`, sk: 'DOCUMENTS' },
  /** A yearly counter (`agenda#2026`, `letter#2026`). */
  sequence: (name: string) => ({ pk: `${C}#SEQ`, sk: `SEQ#${name}` }),
  /** `FILE#` sorts after `EVENT#`: reading a case (`sk < EVENT#`) leaves attachments out. */
  attachment: (caseId: string, id: string) => ({ pk: keys.casePk(caseId), sk: `FILE#${id}` }),
} as const;

export const attachmentItem = (a: AttachmentRecord): Item => ({
  ...documentKeys.attachment(a.caseId, a.id),
  entity: 'attachment',
  ...a,
});

/** The unit's document settings: one item. */
export const documentSettingsItem = (settings: DocumentSettings): Item => ({
  ...documentKeys.settings,
  entity: 'document_settings',
  ...settings,
});

/** A yearly counter at `value` (`reserveSequence` adds to it in place). */
export const sequenceItem = (name: string, value: number): Item => ({
  ...documentKeys.sequence(name),
  entity: 'sequence',
  name,
  value,
});

export class DocumentLayer extends JobStore implements DocumentStore {
  /** The unit's document settings (one item; `at` as for the store's getCalendar). */
  async getDocumentSettings(at?: number): Promise<DocumentSettings | undefined> {
    return this.settings.get(
      'documents',
      async () => {
        const stored = await this.get<DocumentSettings>(documentKeys.settings, at !== undefined);
        return stored === undefined ? undefined : storedDocumentSettings(stored);
      },
      at,
    );
  }

  /** Replaces them under their version (null: the first save), bumping the settings' version. */
  async putDocumentSettings(settings: DocumentSettings, expectedVersion: number | null) {
    await this.settingsTransact(
      [{ Put: this.versionedPut(documentSettingsItem(settings), expectedVersion) }],
      [expectedVersion === null ? 'exists' : 'version'],
    );
  }

  /** A counter's value (0 before its first claim), read consistently: it is claimed next. */
  async getSequence(name: string): Promise<number> {
    const out = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: documentKeys.sequence(name),
        ConsistentRead: true,
      }),
    );
    return typeof out.Item?.value === 'number' ? out.Item.value : 0;
  }

  /**
   * Adds `count` and returns the first number taken (atomic: the block is this caller's alone;
   * a failed write after it leaves a gap). Reservations of one counter made at once in this
   * process go as one `ADD` of their sum (`GroupedCalls`), each given its block in the order
   * asked: the embedded engine's steps number their letters without a call each.
   */
  reserveSequence(name: string, count = 1): Promise<number> {
    return this.groupedReservations.call(name, count);
  }

  private readonly groupedReservations = new GroupedCalls<number, number>(async (name, counts) => {
    const total = counts.reduce((sum, count) => sum + count, 0);
    const out = await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: documentKeys.sequence(name),
        UpdateExpression: 'SET entity = :entity, #name = :name ADD #value :count',
        ExpressionAttributeNames: { '#name': 'name', '#value': 'value' },
        ExpressionAttributeValues: { ':entity': 'sequence', ':name': name, ':count': total },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    let next = Number(out.Attributes?.value) - total + 1;
    return counts.map((count) => {
      const first = next;
      next += count;
      return first;
    });
  });

  /** A case's attachments, oldest first (ULIDs), every page. */
  async listAttachments(caseId: string): Promise<AttachmentRecord[]> {
    // Consistent: a case's room for files is counted on it, and an eventual read may miss
    // the file another upload just added (the case's version then no guard: read fresh).
    const items = await this.queryPrefix(keys.casePk(caseId), 'FILE#', { consistent: true });
    return items.map((i) => record<AttachmentRecord>(i));
  }

  /** An attachment under its version (null: create). */
  async putAttachment(put: VersionedPut<AttachmentRecord>): Promise<void> {
    await this.conditionalPut(
      this.versionedPut(attachmentItem(put.record), put.expectedVersion),
      put.expectedVersion,
    );
  }

  /** One letter of a case, by id. */
  async getNotification(caseId: string, id: string): Promise<NotificationRecord | undefined> {
    return this.get<NotificationRecord>(keys.notification(caseId, id));
  }

  /**
   * The documents' writes in a case's transaction: the counter claimed under the value read
   * (another registration that claimed it first makes this one a version conflict, retried
   * with the next number: no two cases share a number, and none is skipped), and attachments.
   */
  protected documentItems(change: CaseChange): {
    items: TransactItem[];
    kinds: WriteConflict['kind'][];
  } {
    const items: TransactItem[] = [];
    const kinds: WriteConflict['kind'][] = [];
    if (change.sequence) {
      const { name, value, expected } = change.sequence;
      const item = sequenceItem(name, value);
      items.push({
        Put:
          expected === 0
            ? this.createPut(item)
            : {
                TableName: this.tableName,
                Item: item,
                ConditionExpression: '#value = :expected',
                ExpressionAttributeNames: { '#value': 'value' },
                ExpressionAttributeValues: { ':expected': expected },
              },
      });
      kinds.push('version');
    }
    for (const a of change.attachments ?? []) {
      items.push({ Put: this.versionedPut(attachmentItem(a.record), a.expectedVersion) });
      kinds.push(a.expectedVersion === null ? 'exists' : 'version');
    }
    for (const a of change.attachmentsRemoved ?? []) {
      items.push({
        Delete: {
          TableName: this.tableName,
          Key: documentKeys.attachment(a.caseId, a.id),
          ...this.atVersion(a.version),
        },
      });
      kinds.push('version');
    }
    return { items, kinds };
  }
}
