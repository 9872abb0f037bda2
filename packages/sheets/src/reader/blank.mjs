/**
 * A cell counts as empty when it has no value or only spaces. Plain JavaScript so that the reader's worker,
 * which runs without a TypeScript loader, and the table parser share the one rule.
 */
export function isBlank(raw) {
  return raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "");
}
