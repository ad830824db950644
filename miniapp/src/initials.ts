/**
 * Avatar initials that never cut a character in half: the first grapheme of the first two
 * words that start with a letter ("Nodira 🌸" → "N", "Ōzoda Karimova" → "ŌK"), "?" otherwise.
 */
const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

function firstGrapheme(word: string): string {
  if (segmenter) {
    for (const { segment } of segmenter.segment(word)) return segment;
    return '';
  }
  return Array.from(word)[0] ?? '';
}

export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  const letters = words.slice(0, 2).map(firstGrapheme).join('');
  return letters ? letters.toLocaleUpperCase() : '?';
}
