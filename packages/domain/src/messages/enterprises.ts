import type { Phrase } from "./define";

export const enterprisesMessages = {} as const satisfies Record<string, Phrase>;
