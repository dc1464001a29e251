import type { TextName } from './drug-index';
import { TEXT_NAMES, words } from './drug-index';

/**
 * The ingredients a free-text drug name names: ingredient names, their synonyms and brand names,
 * matched on whole words ("Warfarin Sodium 5 MG Oral Tablet" → warfarin; "Lasix 40mg" →
 * furosemide), longest name first, each word used once. Nothing is inferred from parts of words,
 * so an unknown name yields nothing.
 */
export function ingredientsInText(text: string): string[] {
  const ws = words(text);
  const found = new Set<string>();
  let i = 0;
  while (i < ws.length) {
    const match = longestAt(ws, i);
    if (match) {
      for (const rxcui of match.ingredients) found.add(rxcui);
      i += match.words.length;
    } else {
      i += 1;
    }
  }
  return [...found];
}

function longestAt(ws: readonly string[], at: number): TextName | undefined {
  const candidates = TEXT_NAMES.get(ws[at] ?? '') ?? [];
  return candidates.find((name) => name.words.every((w, k) => ws[at + k] === w));
}
