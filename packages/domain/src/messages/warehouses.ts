import type { Phrase } from "./define";

export const warehousesMessages = {} as const satisfies Record<string, Phrase>;
