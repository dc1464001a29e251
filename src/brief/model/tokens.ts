/**
 * An estimate of how many tokens a BPE tokenizer of GPT-4-class models (cl100k/o200k) makes of a
 * text, without shipping a tokenizer: a letter run is one token per ~6 letters (common words are
 * one token, long medical words two or three), digits go in groups of three, punctuation runs
 * one token per two characters (`":"` and `","` are single tokens in JSON), a single space joins
 * the word after it and other whitespace runs are one token. A rough, deterministic figure, not
 * checked against a real tokenizer (none is installed here): it sizes the prompt budget with
 * headroom, and the bench's "rendering vs JSON" ratio counts both sides the same way. Not a
 * billing figure.
 */
export function estimateTokens(text: string): number {
  let tokens = 0;
  for (const m of text.matchAll(/\p{L}+|\p{N}+|\s+|[^\p{L}\p{N}\s]+/gu)) {
    const run = m[0];
    if (/^\s/u.test(run)) {
      if (run !== ' ') tokens += 1;
    } else if (/^\p{N}/u.test(run)) {
      tokens += Math.ceil(run.length / 3);
    } else if (/^\p{L}/u.test(run)) {
      tokens += Math.max(1, Math.round(run.length / 6));
    } else {
      tokens += Math.ceil(run.length / 2);
    }
  }
  return tokens;
}
