/** Schemas the content contracts (党建园地, 议事厅, 社区公告) share beyond `common.ts`. */
import { z } from 'zod';

/** Who wrote something, as other people may see it (names of residents are masked). */
export const authorView = z.object({
  kind: z.enum(['staff', 'resident']),
  name: z.string(),
  mine: z.boolean(),
});
