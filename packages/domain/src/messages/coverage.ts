import type { Phrase } from "./define";

export const coverageMessages = {} as const satisfies Record<string, Phrase>;
