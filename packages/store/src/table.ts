/**
 * The one table's shape, shared by the CDK stack (infra/) and the embedded runtime's
 * CreateTable, so both always agree. Key formats live in keys.ts.
 */
export const TABLE_KEYS = {
  partitionKey: 'pk',
  sortKey: 'sk',
} as const;

/**
 * The attribute whose epoch seconds the table's TTL removes an item after: only items that
 * live a while by design carry it (a list's kept cursor, paging.ts; an idempotency record, items.ts).
 */
export const TTL_ATTRIBUTE = 'ttl';

/** Global secondary indexes, each serving named access patterns (see README.md). */
export const TABLE_INDEXES = [
  // gsi1: per-tenant lists (an agency's queue, the central case list).
  { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  // gsi2: central cross-agency lists (worklist by state, cases by status).
  { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  // gsi3: sparse lists: letters still to send (the outbox) or given up, delegated assignments,
  // cases whose e-mail receipt is still to send.
  { indexName: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
] as const;

export type IndexName = (typeof TABLE_INDEXES)[number]['indexName'];

/** The CreateTable request for this schema (embedded runtime and tests; CDK builds its own). */
export function createTableInput(tableName: string) {
  const attributes = [
    TABLE_KEYS.partitionKey,
    TABLE_KEYS.sortKey,
    ...TABLE_INDEXES.flatMap((i) => [i.partitionKey, i.sortKey]),
  ];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: attributes.map((name) => ({
      AttributeName: name,
      AttributeType: 'S' as const,
    })),
    KeySchema: [
      { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: TABLE_INDEXES.map((i) => ({
      IndexName: i.indexName,
      KeySchema: [
        { AttributeName: i.partitionKey, KeyType: 'HASH' as const },
        { AttributeName: i.sortKey, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: 'ALL' as const },
    })),
  };
}
