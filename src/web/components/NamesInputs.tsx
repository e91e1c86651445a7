// A name in Kazakh, Russian and English: three labelled inputs, each showing
// the server's error for `name.kk`, `name.ru`, `name.en`.
import { SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorFor, type FieldErrors } from '../lib/errors';
import type { Lang, Names } from '../lib/names';
import { LANGS } from '../lib/types';

export function NamesInputs({ value, onChange, errors, field = 'name', required = true, stacked = false }: {
  /** One input per row, for long names (libraries, organisations). */
  stacked?: boolean;
  value: Names;
  onChange: (names: Names) => void;
  errors: FieldErrors;
  field?: string;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const whole = errors[field];
  return (
    <SimpleGrid cols={{ base: 1, sm: stacked ? 1 : 3 }} spacing="sm">
      {LANGS.map((lang: Lang, index) => (
        <TextInput
          key={lang}
          label={t(`common.nameIn.${lang}`)}
          lang={lang}
          required={required}
          value={value[lang]}
          onChange={(e) => onChange({ ...value, [lang]: e.currentTarget.value })}
          error={errorFor(errors, `${field}.${lang}`) ?? (index === 0 ? whole : undefined)}
          name={`${field}.${lang}`}
        />
      ))}
    </SimpleGrid>
  );
}
