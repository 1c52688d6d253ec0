/**
 * The documents' access patterns (issue 15): the unit's document settings, the yearly
 * counters behind agenda and letter numbers, a case's attachments, one letter by id. The
 * DynamoDB adapter extends this class; `documentTransactItems` adds the documents' writes
 * to a case's transaction (an agenda number claimed with its case, attachments).
 */
import {
  type AttachmentRecord,
  CENTRAL_TENANT,
  type CaseChange,
  type DocumentSettings,
  DocumentSettingsSchema,
  type DocumentStore,
  type NotificationRecord,
  type VersionedPut,
  WriteConflict,
} from '@pantau/core';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { assertItemFits } from './item-size.ts';
import { keys } from './keys.ts';
import { queryAll } from './paging.ts';

const C = CENTRAL_TENANT;
const KEY_ATTRIBUTES = new Set(['pk', 'sk', 'entity']);

export const documentKeys = {
  settings: { pk: `${C}#SETTINGS`, sk: 'DOCUMENTS' },
  /** A yearly counter (`agenda#2026`, `letter#2026`). */
  sequence: (name: string) => ({ pk: `${C}#SEQ`, sk: `SEQ#${name}` }),
  /** `FILE#` sorts after `EVENT#`: reading a case (`sk < EVENT#`) leaves attachments out. */
  attachment: (caseId: string, id: string) => ({ pk: keys.casePk(caseId), sk: `FILE#${id}` }),
} as const;

export const attachmentItem = (a: AttachmentRecord) => ({
  ...documentKeys.attachment(a.caseId, a.id),
  entity: 'attachment',
  ...a,
});

const strip = <T>(item: Record<string, unknown>): T =>
  Object.fromEntries(Object.entries(item).filter(([k]) => !KEY_ATTRIBUTES.has(k))) as T;

interface PutInput {
  readonly TableName: string;
  readonly Item: Record<string, unknown>;
  readonly ConditionExpression: string;
  readonly ExpressionAttributeNames?: Record<string, string>;
  readonly ExpressionAttributeValues?: Record<string, unknown>;
}

const versioned = (
  tableName: string,
  item: Record<string, unknown>,
  expected: number | null,
): PutInput =>
  expected === null
    ? { TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }
    : {
        TableName: tableName,
        Item: item,
        ConditionExpression: '#version = :expected',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':expected': expected },
      };

/**
 * The documents' writes in a case's transaction: the counter claimed under the value read
 * (another registration that claimed it first makes this one a version conflict, retried with
 * the next number: no two cases share a number, and none is skipped), and attachments.
 */
export function documentTransactItems(
  change: CaseChange,
  tableName: string,
): { items: { Put: PutInput }[]; kinds: WriteConflict['kind'][] } {
  const items: { Put: PutInput }[] = [];
  const kinds: WriteConflict['kind'][] = [];
  if (change.sequence) {
    const { name, value, expected } = change.sequence;
    const item = { ...documentKeys.sequence(name), entity: 'sequence', name, value };
    items.push({
      Put:
        expected === 0
          ? versioned(tableName, item, null)
          : {
              TableName: tableName,
              Item: item,
              ConditionExpression: '#value = :expected',
              ExpressionAttributeNames: { '#value': 'value' },
              ExpressionAttributeValues: { ':expected': expected },
            },
    });
    kinds.push('version');
  }
  for (const a of change.attachments ?? []) {
    items.push({ Put: versioned(tableName, attachmentItem(a.record), a.expectedVersion) });
    kinds.push(a.expectedVersion === null ? 'exists' : 'version');
  }
  return { items, kinds };
}

export class DynamoDocuments implements DocumentStore {
  constructor(
    readonly client: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {}

  /** The unit's document settings (one item). */
  async getDocumentSettings(): Promise<DocumentSettings | undefined> {
    const out = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: documentKeys.settings }),
    );
    return out.Item ? DocumentSettingsSchema.parse(strip(out.Item)) : undefined;
  }

  /** Replaces them under their version (null: the first save). */
  async putDocumentSettings(settings: DocumentSettings, expectedVersion: number | null) {
    const item = { ...documentKeys.settings, entity: 'document_settings', ...settings };
    await this.put(versioned(this.tableName, item, expectedVersion), expectedVersion);
  }

  /** A counter's value (0 before its first claim). */
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

  /** Adds one and returns the new value (atomic; a failed write after it leaves a gap). */
  async reserveSequence(name: string): Promise<number> {
    const out = await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: documentKeys.sequence(name),
        UpdateExpression: 'SET entity = :entity, #name = :name ADD #value :one',
        ExpressionAttributeNames: { '#name': 'name', '#value': 'value' },
        ExpressionAttributeValues: { ':entity': 'sequence', ':name': name, ':one': 1 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(out.Attributes?.value);
  }

  /** A case's attachments, oldest first (ULIDs), every page. */
  async listAttachments(caseId: string): Promise<AttachmentRecord[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.casePk(caseId), ':prefix': 'FILE#' },
    });
    return items.map((i) => strip<AttachmentRecord>(i));
  }

  /** An attachment under its version (null: create). */
  async putAttachment(put: VersionedPut<AttachmentRecord>): Promise<void> {
    await this.put(
      versioned(this.tableName, attachmentItem(put.record), put.expectedVersion),
      put.expectedVersion,
    );
  }

  /** One letter of a case, by id. */
  async getNotification(caseId: string, id: string): Promise<NotificationRecord | undefined> {
    const out = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.notification(caseId, id) }),
    );
    if (!out.Item) return undefined;
    return Object.fromEntries(
      Object.entries(out.Item).filter(([k]) => !/^(pk|sk|gsi\dpk|gsi\dsk|entity)$/.test(k)),
    ) as unknown as NotificationRecord;
  }

  private async put(put: PutInput, expected: number | null): Promise<void> {
    assertItemFits(put.Item);
    try {
      await this.client.send(new PutCommand(put));
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException)
        throw new WriteConflict(
          expected === null ? 'exists' : 'version',
          'conditional write failed',
          error,
        );
      throw error;
    }
  }
}
