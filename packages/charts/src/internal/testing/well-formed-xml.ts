// Test support: a strict little XML checker, so the tests can prove an SVG parses without
// pulling an XML parser into the dependencies.

/** The result of a successful check: element count and the text of every `<text>` element. */
export interface XmlSummary {
  root: string;
  elements: number;
  texts: string[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string, at: number): string {
  return text.replace(/&([^;\s&<]*);|&/g, (match, name: string | undefined) => {
    if (name === undefined) throw new Error(`bare '&' in text near offset ${at}`);
    if (name in ENTITIES) return ENTITIES[name];
    const m = /^#(x[0-9a-f]+|[0-9]+)$/i.exec(name);
    if (!m) throw new Error(`unknown entity &${name}; near offset ${at}`);
    return String.fromCodePoint(m[1][0].toLowerCase() === 'x' ? parseInt(m[1].slice(1), 16) : parseInt(m[1], 10));
  });
}

/**
 * Check `xml` is a well-formed document with a single root element: every tag closed in
 * order, attributes quoted and unique, no raw `<` or bare `&` in text.
 * @throws Error naming the first problem and its offset
 */
export function checkWellFormedXml(xml: string): XmlSummary {
  const stack: string[] = [];
  const texts: string[] = [];
  let root = '';
  let elements = 0;
  let i = 0;
  let textOpen: string | undefined;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    if (text.trim() !== '') {
      if (stack.length === 0) throw new Error(`text outside the root element at offset ${i}`);
      const decoded = decodeEntities(text, i);
      if (textOpen !== undefined) textOpen += decoded;
    } else if (text !== '') decodeEntities(text, i);
    if (lt === -1) break;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end === -1) throw new Error(`unclosed comment at offset ${lt}`);
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt);
      if (end === -1) throw new Error(`unclosed CDATA at offset ${lt}`);
      i = end + 3;
    } else if (xml.startsWith('<?', lt) || xml.startsWith('<!', lt)) {
      if (elements > 0) throw new Error(`declaration inside the document at offset ${lt}`);
      const end = xml.indexOf('>', lt);
      if (end === -1) throw new Error(`unclosed declaration at offset ${lt}`);
      i = end + 1;
    } else if (xml[lt + 1] === '/') {
      const m = /^<\/([A-Za-z_][\w.:-]*)\s*>/.exec(xml.slice(lt, lt + 200));
      if (!m) throw new Error(`malformed end tag at offset ${lt}`);
      const open = stack.pop();
      if (open !== m[1]) throw new Error(`end tag </${m[1]}> at offset ${lt} closes <${open ?? 'nothing'}>`);
      if (m[1] === 'text' && textOpen !== undefined) {
        texts.push(textOpen);
        textOpen = undefined;
      }
      i = lt + m[0].length;
    } else {
      const name = /^<([A-Za-z_][\w.:-]*)/.exec(xml.slice(lt, lt + 200));
      if (!name) throw new Error(`malformed start tag at offset ${lt}`);
      if (stack.length === 0 && elements > 0) throw new Error(`second root element <${name[1]}> at offset ${lt}`);
      let j = lt + name[0].length;
      const attrs = new Set<string>();
      for (;;) {
        const rest = /^\s*(\/?>|([A-Za-z_][\w.:-]*)\s*=\s*("[^"<]*"|'[^'<]*'))/.exec(xml.slice(j, j + 100_000));
        if (!rest) throw new Error(`malformed attribute in <${name[1]}> at offset ${j}`);
        j += rest[0].length;
        if (rest[1] === '>' || rest[1] === '/>') break;
        if (attrs.has(rest[2])) throw new Error(`duplicate attribute ${rest[2]} in <${name[1]}> at offset ${j}`);
        attrs.add(rest[2]);
        decodeEntities(rest[3].slice(1, -1), j);
      }
      elements += 1;
      if (!root) root = name[1];
      const selfClosing = xml[j - 2] === '/';
      if (!selfClosing) {
        stack.push(name[1]);
        if (name[1] === 'text') textOpen = '';
      } else if (name[1] === 'text') texts.push('');
      i = j;
    }
  }
  if (stack.length > 0) throw new Error(`unclosed elements at the end: <${stack.join('> <')}>`);
  if (elements === 0) throw new Error('no element found');
  return { root, elements, texts };
}
