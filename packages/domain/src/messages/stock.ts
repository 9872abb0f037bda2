import type { Phrase } from "./define";

export const stockMessages = {} as const satisfies Record<string, Phrase>;
