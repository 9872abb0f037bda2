import type { Phrase } from "./define";

export const usersMessages = {} as const satisfies Record<string, Phrase>;
