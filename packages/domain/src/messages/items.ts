import type { Phrase } from "./define";

export const itemsMessages = {} as const satisfies Record<string, Phrase>;
