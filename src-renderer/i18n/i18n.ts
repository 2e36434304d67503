import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';

/**
 * The one i18n layer: every visible string is a key here. Database values (names, rows, error
 * texts from a driver) are not translated; they are shown as the database gave them.
 */
export function initI18n(language = 'en') {
  void i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: { en: { translation: en } },
    interpolation: { escapeValue: false }, // React escapes; values are rendered as text.
    returnNull: false,
  });
  return i18next;
}
