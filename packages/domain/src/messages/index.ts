import { agreementsMessages } from "./agreements";
import { aidMessages } from "./aid";
import { areasMessages } from "./areas";
import { commonMessages } from "./common";
import { countsMessages } from "./counts";
import { coverageMessages } from "./coverage";
import { declarationsMessages } from "./declarations";
import {
  fillTemplate,
  type Locale,
  type Message,
  type MessageParam,
  type ParamNames,
  type Phrase,
  schemaText,
} from "./define";
import { dispatchMessages } from "./dispatch";
import { enterprisesMessages } from "./enterprises";
import { incidentsMessages } from "./incidents";
import { itemsMessages } from "./items";
import { layoutMessages } from "./layout";
import { ordersMessages } from "./orders";
import { portalMessages } from "./portal";
import { roadsMessages } from "./roads";
import { settingsMessages } from "./settings";
import { sheetsMessages } from "./sheets";
import { stockMessages } from "./stock";
import { usersMessages } from "./users";
import { vehiclesMessages } from "./vehicles";
import { warehousesMessages } from "./warehouses";

export * from "./define";

/**
 * Every message the server can send, by domain. A domain's file holds its errors and the labels of its codes
 * (statuses, reasons, kinds); keys start with the domain's name so catalogs merge without clashes.
 */
export const MESSAGES = {
  ...commonMessages,
  ...agreementsMessages,
  ...aidMessages,
  ...areasMessages,
  ...countsMessages,
  ...coverageMessages,
  ...declarationsMessages,
  ...dispatchMessages,
  ...enterprisesMessages,
  ...incidentsMessages,
  ...itemsMessages,
  ...layoutMessages,
  ...ordersMessages,
  ...portalMessages,
  ...roadsMessages,
  ...settingsMessages,
  ...sheetsMessages,
  ...stockMessages,
  ...usersMessages,
  ...vehiclesMessages,
  ...warehousesMessages,
} as const satisfies Record<string, Phrase>;

export type MessageKey = keyof typeof MESSAGES;

type ParamsOf<K extends MessageKey> = ParamNames<(typeof MESSAGES)[K]["zh"]>;

/** `msg("stock.error.noLines")`, or with the parameters its template names, all required. */
export function msg<K extends MessageKey>(
  key: K,
  ...params: [ParamsOf<K>] extends [never] ? [] : [Record<ParamsOf<K>, MessageParam>]
): Message {
  return params[0] === undefined ? { key } : { key, params: params[0] };
}

function lookup(key: string, locale: Locale): string | undefined {
  const phrase = (MESSAGES as Record<string, Phrase>)[key];
  if (!phrase) return undefined;
  return locale === "en-US" ? phrase.en : phrase.zh;
}

/** A message's text in `locale`; an unknown key is shown as itself rather than dropped. */
export function renderMessage(message: Message, locale: Locale = "zh-CN"): string {
  const template = lookup(message.key, locale);
  return template === undefined ? message.key : fillTemplate(template, message.params, locale, lookup);
}

/** The Chinese text, as spreadsheets, print pages and logs carry it. */
export function zh(message: Message): string {
  return renderMessage(message, "zh-CN");
}

/** A zod error string carrying `msg(key, params)`: `z.string().max(60, m("common.error.tooLong", { max: 60 }))`. */
export function m<K extends MessageKey>(
  key: K,
  ...params: [ParamsOf<K>] extends [never] ? [] : [Record<ParamsOf<K>, MessageParam>]
): string {
  return schemaText(msg(key, ...params));
}

/** Names in a run, joined as the reader's language joins them: 甲、乙、丙 / A, B, C. */
export function nameList(names: readonly (string | Message)[]): Message | string {
  const [first = "", ...rest] = names;
  return rest.reduce<Message | string>((list, name) => msg("common.nameList", { names: list, name }), first);
}

/** One language's flat catalog (key → template), for the web's i18n. */
export function messageCatalog(locale: Locale): Record<MessageKey, string> {
  const out = {} as Record<MessageKey, string>;
  for (const [key, phrase] of Object.entries(MESSAGES) as [MessageKey, Phrase][])
    out[key] = locale === "en-US" ? phrase.en : phrase.zh;
  return out;
}
