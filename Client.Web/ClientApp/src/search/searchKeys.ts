/** The highlighted item after a key (-1: none): ArrowDown/ArrowUp cycle through `count` items. */
export function moveHighlight(index: number, count: number, key: string): number {
  if (count === 0) return -1;
  if (key === 'ArrowDown') return index < 0 || index >= count - 1 ? 0 : index + 1;
  if (key === 'ArrowUp') return index <= 0 ? count - 1 : index - 1;
  return index;
}

/** What Enter loads: the highlighted item, else a typed code, else the first item; null for nothing. */
export function enterChoice(query: string, index: number, codes: string[]): string | null {
  if (index >= 0 && index < codes.length) return codes[index];
  const typed = query.trim().toUpperCase();
  if (/^[0-9A-Z]{6}$/.test(typed)) return typed;
  return codes[0] ?? null;
}
