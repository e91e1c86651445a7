// Қазақша / Русский / English — on every page, the login page too. A native
// select: reachable by Tab, changed with the arrow keys, readable by any screen reader.
import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, isLang } from '../i18n';
import { useLanguageSwitch } from '../lib/auth';

export function LanguageSwitcher() {
  const { i18n } = useTranslation();
  const switchTo = useLanguageSwitch();
  return (
    <NativeSelect
      aria-label="Тіл · Язык · Language"
      size="xs"
      w={112}
      value={i18n.language}
      onChange={(event) => {
        const value = event.currentTarget.value;
        if (isLang(value)) void switchTo(value);
      }}
      data-testid="language-switcher"
    >
      {LANGUAGES.map((l) => (
        <option key={l.code} value={l.code} lang={l.code}>
          {l.label}
        </option>
      ))}
    </NativeSelect>
  );
}
