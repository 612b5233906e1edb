/**
 * Latin words stay whole; CJK runs become single characters plus bigrams, so "死信" matches
 * "死信队列" without a dictionary.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const m of text.toLowerCase().matchAll(/[\p{Script=Han}]+|[\p{L}\p{N}_.-]+/gu)) {
    const run = m[0];
    if (!/\p{Script=Han}/u.test(run)) {
      tokens.push(run.replace(/^[.-]+|[.-]+$/g, ''));
      continue;
    }
    const chars = [...run];
    chars.forEach((c, i) => {
      tokens.push(c);
      if (i + 1 < chars.length) tokens.push(c + chars[i + 1]);
    });
  }
  return tokens.filter(Boolean);
}
