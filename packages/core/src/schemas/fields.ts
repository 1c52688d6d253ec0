/** Field shapes the schema files share; not part of the contract's exports. */
import { z } from 'zod';

export const instant = z.iso
  .datetime({ offset: true })
  .meta({ example: '2026-03-30T16:59:59.999Z' });
export const text = (max: number) => z.string().trim().min(1).max(max);
export const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');
