export { DynamoStore, type DynamoStoreOptions } from './dynamo-store.ts';
export { keys } from './keys.ts';
export {
  createIfAbsent,
  SEED_PRINCIPAL,
  seedBaseline,
  seedCalendar,
  seedUpgrade,
  type SeedOutcome,
} from './seed.ts';
export { createTableInput, TABLE_INDEXES, TABLE_KEYS } from './table.ts';
export { itemSize, MAX_ITEM_BYTES } from './item-size.ts';
export { assignmentItem, caseItem, eventItem, trackingCodeItem } from './items.ts';
export { indexWrites, SearchKeys } from './search-index.ts';
export { API_SETTINGS_TTL_MS } from './settings-cache.ts';
