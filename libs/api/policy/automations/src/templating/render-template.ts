import { TEMPLATE_PLACEHOLDERS, TemplatePlaceholder } from '../model/rule-definition';

export type TemplateValues = Partial<Record<TemplatePlaceholder, string | null>>;

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/**
 * `{{guestName}}`-style placeholders. A known placeholder without a value becomes the fallback (empty by default),
 * so "Merhaba {{guestName}}," never reaches a guest as "Merhaba null,"; unknown ones are refused at save time
 * (templatePlaceholderProblems) and left as written here.
 */
export function renderTemplate(template: string, values: TemplateValues, fallback = ''): string {
  return template
    .replace(PLACEHOLDER, (whole, name: string) => {
      if (!isPlaceholder(name)) {
        return whole;
      }
      const value = values[name];
      return value === null || value === undefined || value.trim() === '' ? fallback : value;
    })
    .replace(/[ \t]+([,.!?])/g, '$1')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

/** The placeholders of a template that Baton does not know (empty when it is fine). */
export function unknownPlaceholders(template: string): string[] {
  const unknown: string[] = [];
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (!isPlaceholder(match[1])) {
      unknown.push(match[1]);
    }
  }
  return [...new Set(unknown)];
}

function isPlaceholder(name: string): name is TemplatePlaceholder {
  return (TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name);
}
