/**
 * Keyword matching for guest text, Turkish-aware. Guests write "İPTAL", "iptal", "Iptal" and "ıptal" for the same word
 * and drop diacritics ("sikayet" for "şikayet") on phone keyboards, so both sides are folded the same way:
 * every dotted or dotless i becomes `i` BEFORE lower-casing (no locale turns 'I' into 'ı' or 'İ' into 'i̇'), then
 * ş→s ğ→g ü→u ö→o ç→c (and every other combining mark goes), and anything but letters and digits separates words.
 */
export function foldText(text: string | null | undefined): string {
  if (!text) {
    return '';
  }
  return text
    .normalize('NFC')
    .replace(/[İIı]/g, 'i')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}*]+/gu, ' ')
    .trim();
}

/** The folded words of a text, in order. */
export function foldWords(text: string | null | undefined): string[] {
  const folded = foldText(text).replace(/\*/g, ' ').trim();
  return folded === '' ? [] : folded.split(' ');
}

/**
 * A compiled keyword: one or more words that must follow each other in the text. Matching is on word boundaries
 * ("iptal" does not match "hospital" nor "iptaller"); a trailing `*` on the last word allows Turkish suffixes
 * ("iptal*" matches "iptalini", "şikayet*" matches "şikayetim").
 */
export interface CompiledKeyword {
  source: string;
  words: string[];
  prefixLast: boolean;
}

export function compileKeyword(keyword: string): CompiledKeyword | null {
  const trimmed = keyword.trim();
  const prefixLast = trimmed.endsWith('*');
  const words = foldText(trimmed.replace(/\*+$/, ''))
    .replace(/\*/g, ' ')
    .split(' ')
    .filter((word) => word !== '');
  return words.length === 0 ? null : { source: trimmed, words, prefixLast };
}

/** The keywords of `keywords` found in `text` (their original spelling), in list order. */
export function matchKeywords(text: string | null | undefined, keywords: readonly string[]): string[] {
  const words = foldWords(text);
  if (words.length === 0) {
    return [];
  }
  const found: string[] = [];
  for (const keyword of keywords) {
    const compiled = compileKeyword(keyword);
    if (compiled && containsSequence(words, compiled)) {
      found.push(compiled.source);
    }
  }
  return found;
}

function containsSequence(words: readonly string[], keyword: CompiledKeyword): boolean {
  const n = keyword.words.length;
  for (let start = 0; start + n <= words.length; start += 1) {
    let ok = true;
    for (let i = 0; i < n && ok; i += 1) {
      const word = words[start + i];
      const wanted = keyword.words[i];
      ok = i === n - 1 && keyword.prefixLast ? word.startsWith(wanted) : word === wanted;
    }
    if (ok) {
      return true;
    }
  }
  return false;
}
