/**
 * Messages the server produces — errors, statuses, reasons, labels written into spreadsheets — as a key and
 * its parameters, never as finished text. Each key is written here once in both languages; the web renders it
 * in the user's language and the server's spreadsheet and print writers in Chinese. `{name}` marks a parameter.
 */

export type Locale = "zh-CN" | "en-US";
export const LOCALES: readonly Locale[] = ["zh-CN", "en-US"];

/** One phrase in both languages. Both must use the same `{parameters}` (a test checks it). */
export interface Phrase {
  readonly zh: string;
  readonly en: string;
}

/**
 * What a parameter may hold: user data (a name, a date, a code) as a string, a count (printed with the
 * locale's separators), a message of its own (a field label, a reason, a status) or a list of messages
 * (joined with the locale's list separator).
 */
export type MessageParam = string | number | Message | readonly Message[];

export interface Message {
  readonly key: string;
  readonly params?: Readonly<Record<string, MessageParam>>;
}

/** `"{a}可用 {b}"` → `"a" | "b"`. */
export type ParamNames<T extends string> = T extends `${string}{${infer Name}}${infer Rest}`
  ? Name | ParamNames<Rest>
  : never;

const LIST_SEPARATOR: Record<Locale, string> = { "zh-CN": "；", "en-US": "; " };
const numberFormats = new Map<Locale, Intl.NumberFormat>();

function formatNumber(n: number, locale: Locale): string {
  if (!Number.isFinite(n)) return String(n);
  // Too large to read with separators: 1.2e13.
  if (Math.abs(n) >= 1e13) return n.toExponential(1).replace("e+", "e");
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    numberFormats.set(locale, format);
  }
  return format.format(n);
}

export function isMessage(value: unknown): value is Message {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { key?: unknown }).key === "string"
  );
}

/** Fills a template's `{parameters}`; one left without a value stays as written, so a gap is visible. */
export function fillTemplate(
  template: string,
  params: Readonly<Record<string, MessageParam>> | undefined,
  locale: Locale,
  lookup: (key: string, locale: Locale) => string | undefined,
): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return renderParam(value, locale, lookup);
  });
}

function renderParam(
  value: MessageParam,
  locale: Locale,
  lookup: (key: string, locale: Locale) => string | undefined,
): string {
  if (typeof value === "number") return formatNumber(value, locale);
  if (typeof value === "string") return value;
  if (Array.isArray(value))
    return value.map((v) => renderParam(v, locale, lookup)).join(LIST_SEPARATOR[locale]);
  const message = value as Message;
  const template = lookup(message.key, locale);
  return template === undefined ? message.key : fillTemplate(template, message.params, locale, lookup);
}

/**
 * A message's text as carried inside a zod schema's error string (zod takes only strings). The API reads
 * it back with `readSchemaMessage` so schema failures reach the user as keys like every other error.
 */
const SCHEMA_MARK = "\u001emsg:";

export function schemaText(message: Message): string {
  return SCHEMA_MARK + JSON.stringify(message);
}

export function readSchemaMessage(text: string): Message | null {
  if (!text.startsWith(SCHEMA_MARK)) return null;
  try {
    const parsed: unknown = JSON.parse(text.slice(SCHEMA_MARK.length));
    return isMessage(parsed) ? parsed : null;
  } catch {
    return null;
  }
}
