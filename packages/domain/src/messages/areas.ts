import type { Phrase } from "./define";

export const areasMessages = {} as const satisfies Record<string, Phrase>;
