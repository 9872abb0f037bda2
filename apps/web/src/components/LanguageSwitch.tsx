import { Segmented } from "antd";
import { LOCALES, type Locale, useI18n } from "../i18n";

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <Segmented<Locale>
      data-testid="language-switch"
      size="small"
      value={locale}
      onChange={setLocale}
      options={LOCALES.map((value) => ({ value, label: t(`locale.${value}`) }))}
    />
  );
}
