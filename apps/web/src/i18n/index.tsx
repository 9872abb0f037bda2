import { App as AntdApp, ConfigProvider } from "antd";
import enUSAntd from "antd/locale/en_US";
import zhCNAntd from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/en";
import "dayjs/locale/zh-cn";
import { type Message, renderMessage } from "@relief/domain";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { enUS } from "./en-US";
import { type MessageKey, type Messages, zhCN } from "./zh-CN";

export type Locale = "zh-CN" | "en-US";
export const LOCALES: readonly Locale[] = ["zh-CN", "en-US"];
export type { MessageKey };

const STORAGE_KEY = "relief.locale";
const CATALOGS: Record<Locale, Messages> = { "zh-CN": zhCN, "en-US": enUS };
const ANTD_LOCALES = { "zh-CN": zhCNAntd, "en-US": enUSAntd };
const DAYJS_LOCALES: Record<Locale, string> = { "zh-CN": "zh-cn", "en-US": "en" };

export type MessageValues = Record<string, string | number>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;
/** Renders a message the server sent as a key and parameters (errors, statuses, reasons). */
export type RenderMessage = (message: Message) => string;

interface I18nValue {
  locale: Locale;
  setLocale(locale: Locale): void;
  t: Translate;
  /** A server message in this locale. */
  tm: RenderMessage;
  /** Whole numbers with the locale's thousand separators. */
  formatNumber(value: number, fractionDigits?: number): string;
  /** A note beside a text in the locale's brackets: “4 箱（48 瓶）”, “4 boxes (48 bottles)”. */
  aside(text: string, note: string): string;
  /** Names in a run, with the locale's list separator (、 or a comma). */
  list(names: readonly string[]): string;
}

const I18nContext = createContext<I18nValue | null>(null);

function storedLocale(): Locale {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    return LOCALES.find((l) => l === saved) ?? "zh-CN";
  } catch {
    return "zh-CN";
  }
}

export function interpolate(template: string, values?: MessageValues): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** Chinese by default; the choice made in the header is kept in this browser. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);
  dayjs.locale(DAYJS_LOCALES[locale]);

  const setLocale = useCallback((next: Locale) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private windows may refuse storage; the choice then lasts for this page only.
    }
    setLocaleState(next);
  }, []);

  const value = useMemo<I18nValue>(() => {
    const messages = CATALOGS[locale];
    const numberFormats = new Map<number, Intl.NumberFormat>();
    return {
      locale,
      setLocale,
      t: (key, values) => interpolate(messages[key], values),
      aside: (text, note) => interpolate(messages["common.aside"], { text, note }),
      list: (names) => names.join(messages["common.listSeparator"]),
      tm: (message) => renderMessage(message, locale),
      formatNumber(n, digits = 0) {
        let format = numberFormats.get(digits);
        if (!format) {
          format = new Intl.NumberFormat(locale, {
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
          });
          numberFormats.set(digits, format);
        }
        return format.format(n);
      },
    };
  }, [locale, setLocale]);

  const reducedMotion = useReducedMotion();
  const theme = useMemo(() => ({ token: { motion: !reducedMotion } }), [reducedMotion]);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = value.t("app.title");
  }, [locale, value]);

  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={ANTD_LOCALES[locale]} theme={theme}>
        <AntdApp>{children}</AntdApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n must be used inside I18nProvider");
  return value;
}

const REDUCED_MOTION = "(prefers-reduced-motion: reduce)";

/**
 * Whether the user asked the system for less motion: antd's zooming dialogs and sliding lists are then shown
 * without animation (the browser stories ask for it too, so a click never lands on a dialog still zooming open).
 */
function useReducedMotion(): boolean {
  const [reduced, setReduced] = useState(() => window.matchMedia(REDUCED_MOTION).matches);
  useEffect(() => {
    const query = window.matchMedia(REDUCED_MOTION);
    const changed = () => setReduced(query.matches);
    query.addEventListener("change", changed);
    return () => query.removeEventListener("change", changed);
  }, []);
  return reduced;
}
