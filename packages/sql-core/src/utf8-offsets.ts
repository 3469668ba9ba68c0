// libpg-query reports positions as byte offsets into the UTF-8 encoding of the SQL; JavaScript strings count
// UTF-16 code units. These helpers convert one into the other so that non-ASCII SQL reports the right column.

/** Returns a function mapping a UTF-8 byte offset in `text` to the matching UTF-16 offset. */
export function byteToCharOffsets(text: string): (byteOffset: number) => number {
  if (/^[\x00-\x7f]*$/.test(text)) return (byteOffset) => byteOffset;
  const byteLength = Buffer.byteLength(text, 'utf8');
  const charAt = new Uint32Array(byteLength + 1);
  let byte = 0;
  for (let char = 0; char < text.length; char++) {
    const code = text.charCodeAt(char);
    let width: number;
    if (code < 0x80) width = 1;
    else if (code < 0x800) width = 2;
    else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(char + 1))) {
      // A surrogate pair is one 4-byte code point: both of its bytes ranges map to its first code unit.
      charAt.fill(char, byte, byte + 4);
      byte += 4;
      char++;
      continue;
    } else width = 3;
    charAt.fill(char, byte, byte + width);
    byte += width;
  }
  charAt[byteLength] = text.length;
  return (byteOffset) => charAt[Math.max(0, Math.min(byteOffset, byteLength))]!;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
