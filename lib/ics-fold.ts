// iCalendar content lines (RFC 5545 §3.1): at most 75 octets each, a longer line
// folded by a line break and one space. The `ics` package folds by characters, so
// a line of Chinese (3 octets a character) runs past the limit; these refold it by
// octets, never inside a character's UTF-8 bytes.

/** The longest content line, in octets, without its line break. */
export const ICS_LINE_OCTETS = 75;

/** Octets of one code point in UTF-8. */
function utf8Octets(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/** The logical lines back: every line break followed by a space or a tab removed. */
export function unfoldIcs(text: string): string {
  return text.replace(/\r?\n[ \t]/g, "");
}

/** One logical line as folded lines (CRLF + one space before each continuation). */
function foldLine(line: string, limit: number): string {
  const parts: string[] = [];
  let part = "";
  let octets = 0;
  // A continuation's leading space counts against its 75.
  let room = limit;
  for (const char of line) {
    const size = utf8Octets(char.codePointAt(0) ?? 0);
    if (octets + size > room) {
      parts.push(part);
      part = "";
      octets = 0;
      room = limit - 1;
    }
    part += char;
    octets += size;
  }
  parts.push(part);
  return parts.join("\r\n ");
}

/**
 * An iCalendar text with every content line folded at `limit` octets (75 by default),
 * its lines ended by CRLF. Unfolds first, so text already folded (by characters, with
 * tabs) comes out the same as if it had not been.
 */
export function foldIcs(text: string, limit = ICS_LINE_OCTETS): string {
  if (text === "") return "";
  const lines = unfoldIcs(text).split(/\r?\n/);
  const endsWithBreak = lines.at(-1) === "";
  if (endsWithBreak) lines.pop();
  return lines.map((line) => foldLine(line, limit)).join("\r\n") + (endsWithBreak ? "\r\n" : "");
}
