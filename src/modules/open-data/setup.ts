/** Satu Data's setup checklist (filled with the use cases). */
import type { SetupItem } from '../../platform/sdk/index.ts';

export const setup: readonly SetupItem[] = [];
