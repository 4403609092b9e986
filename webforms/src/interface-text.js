// The engine's interface wording (webforms/interface-text.json) in the page's language: the
// build puts interfaceText(key, values) where ODK Web Forms had an English string (see
// webforms/interface-text.mjs). The page is served in one language (<html lang>), known
// before any module runs, so module-level wording is right too.
import table from '../interface-text.json';

const FALLBACK = 'en';

function pageLanguage() {
  const lang = (globalThis.document?.documentElement.lang || FALLBACK).toLowerCase().split('-')[0];
  return lang in table['odk_web_forms.submit.label'] ? lang : FALLBACK;
}

/** The text for `key` in the page's language, its {name} placeholders filled from `values`. */
export function interfaceText(key, values = {}) {
  const entry = table[key];
  const text = entry[pageLanguage()] ?? entry[FALLBACK];
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}
