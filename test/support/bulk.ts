/** Bulk loading for tests and benchmarks (no vitest here: the benchmarks import it too). */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoStore } from '@pantau/store';

/** Bulk loading: BatchWriteItem, 25 items a request, 8 requests at a time. */
export async function batchPut(
  store: DynamoStore,
  items: readonly Record<string, unknown>[],
): Promise<void> {
  const chunks: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
  for (let i = 0; i < chunks.length; i += 8) {
    await Promise.all(
      chunks.slice(i, i + 8).map(async (chunk) => {
        let pending = chunk.map((Item) => ({ PutRequest: { Item } }));
        while (pending.length > 0) {
          const out = await store.client.send(
            new BatchWriteCommand({ RequestItems: { [store.tableName]: pending } }),
          );
          pending = (out.UnprocessedItems?.[store.tableName] ?? []) as typeof pending;
        }
      }),
    );
  }
}
