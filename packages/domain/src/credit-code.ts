import { type Message, msg } from "./messages";

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (digits and capitals without
 * I, O, Z, S, V); the 18th is a check character over the first 17 with fixed weights.
 */
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character the first 17 characters call for, or null when one of them is not in the alphabet. */
export function creditCodeCheckCharacter(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i] ?? "");
    if (value < 0) return null;
    sum += value * (WEIGHTS[i] as number);
  }
  return ALPHABET[(31 - (sum % 31)) % 31] ?? null;
}

/** Why a code is not a valid 统一社会信用代码, as a message for the user; null when it is valid. */
export function creditCodeProblem(code: string): Message | null {
  if (code.length !== 18) return msg("enterprises.error.creditCodeLength", { length: code.length });
  for (let i = 0; i < 18; i++) {
    const c = code[i] as string;
    if (!ALPHABET.includes(c)) {
      return msg("enterprises.error.creditCodeCharacter", { position: i + 1, character: c });
    }
  }
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  if (expected !== code[17])
    return msg("enterprises.error.creditCodeCheck", { expected: expected ?? "", actual: code[17] ?? "" });
  return null;
}
