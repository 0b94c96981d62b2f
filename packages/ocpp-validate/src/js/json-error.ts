/**
 * Locates the first JSON syntax error the way JSON.parse defines the grammar (RFC 8259, whitespace = space,
 * \t, \n, \r). Only used to word parse issues ("unexpected ',' at byte 42"); the verdict is JSON.parse's.
 * Iterative (an explicit stack), so any nesting depth works.
 * @returns the UTF-16 index of the offending character, `text.length` for a premature end, or -1 if the text is valid JSON
 */
export function syntaxErrorOffset(s: string): number {
  const n = s.length;
  let i = 0;
  const stack: number[] = []; // 0 = array, 1 = object
  const isDigit = (k: number) => k < n && s.charCodeAt(k) >= 48 && s.charCodeAt(k) <= 57;
  const ws = () => {
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const str = (): number => {
    i++; // opening quote
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === 34) {
        i++;
        return -1;
      }
      if (c < 0x20) return i;
      if (c === 92) {
        if (i + 1 >= n) return n;
        const e = s[i + 1]!;
        if ('"\\/bfnrt'.includes(e)) {
          i += 2;
          continue;
        }
        if (e !== "u") return i + 1;
        for (let k = 2; k < 6; k++) {
          if (i + k >= n) return n;
          if (!/[0-9a-fA-F]/.test(s[i + k]!)) return i + k;
        }
        i += 6;
        continue;
      }
      i++;
    }
    return n;
  };
  const num = (): number => {
    if (s[i] === "-") i++;
    if (i >= n) return n;
    if (s[i] === "0") i++;
    else if (isDigit(i)) while (isDigit(i)) i++;
    else return i;
    if (s[i] === ".") {
      i++;
      if (i >= n) return n;
      if (!isDigit(i)) return i;
      while (isDigit(i)) i++;
    }
    if (s[i] === "e" || s[i] === "E") {
      i++;
      if (s[i] === "+" || s[i] === "-") i++;
      if (i >= n) return n;
      if (!isDigit(i)) return i;
      while (isDigit(i)) i++;
    }
    return -1;
  };
  const lit = (w: string): number => {
    for (let k = 0; k < w.length; k++) {
      if (i + k >= n) return n;
      if (s[i + k] !== w[k]) return i + k;
    }
    i += w.length;
    return -1;
  };
  /** After `{` or `,` in an object: a key and a colon. */
  const key = (): number => {
    ws();
    if (i >= n) return n;
    if (s[i] !== '"') return i;
    const e = str();
    if (e >= 0) return e;
    ws();
    if (i >= n) return n;
    if (s[i] !== ":") return i;
    i++;
    return -1;
  };

  value: for (;;) {
    ws();
    if (i >= n) return n;
    const c = s[i]!;
    let e = -1;
    if (c === "{") {
      i++;
      ws();
      if (i >= n) return n;
      if (s[i] === "}") i++;
      else {
        stack.push(1);
        e = key();
        if (e >= 0) return e;
        continue value;
      }
    } else if (c === "[") {
      i++;
      ws();
      if (i >= n) return n;
      if (s[i] === "]") i++;
      else {
        stack.push(0);
        continue value;
      }
    } else if (c === '"') e = str();
    else if (c === "-" || isDigit(i)) e = num();
    else if (c === "t") e = lit("true");
    else if (c === "f") e = lit("false");
    else if (c === "n") e = lit("null");
    else return i;
    if (e >= 0) return e;
    // after a value
    for (;;) {
      ws();
      if (stack.length === 0) return i >= n ? -1 : i;
      if (i >= n) return n;
      const top = stack[stack.length - 1];
      const d = s[i];
      if (d === ",") {
        i++;
        if (top === 1) {
          e = key();
          if (e >= 0) return e;
        }
        continue value;
      }
      if ((top === 0 && d === "]") || (top === 1 && d === "}")) {
        i++;
        stack.pop();
        continue;
      }
      return i;
    }
  }
}
