/** Runs a sticky (`y`) regex at exactly `pos`: how every scanner in this module tries a piece in constant time. */
export function execAt(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}
