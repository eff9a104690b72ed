/**
 * The initial a partner sees instead of the name: the first character (a whole code point,
 * so 李伟 gives 李), upper-cased for Latin names, followed by a full stop.
 */
export function nameInitial(displayName: string): string {
  const first = Array.from(displayName.trim())[0];
  return first ? `${first.toLocaleUpperCase('en')}.` : '?';
}
