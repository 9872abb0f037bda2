import type { Phrase } from "./define";

export const agreementsMessages = {} as const satisfies Record<string, Phrase>;
