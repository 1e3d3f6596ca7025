/** One element of an XML document: its local name (prefix dropped), attributes by qualified name, children. */
export type XmlElement = Readonly<{
  name: string;
  /** The prefix of the element's name (`edmx` of `edmx:Edmx`), '' when it has none. */
  prefix: string;
  attributes: Readonly<Record<string, string>>;
  children: readonly XmlElement[];
}>;

export class XmlSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlSyntaxError';
  }
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const NAME = /[A-Za-z_][\w.:-]*/y;
const ATTRIBUTE = /\s*([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;

/**
 * A small, strict, pure XML reader for EDMX documents: elements and attributes only (text, comments,
 * processing instructions, CDATA and DOCTYPE are skipped, no entity is expanded but the five predefined
 * and numeric ones), so no external entity can ever be fetched. Throws XmlSyntaxError on malformed input.
 */
export function parseXml(text: string): XmlElement {
  type Open = {
    name: string;
    qualified: string;
    prefix: string;
    attributes: Record<string, string>;
    children: XmlElement[];
  };
  const stack: Open[] = [];
  let root: XmlElement | undefined;
  let at = 0;
  while (at < text.length) {
    const lt = text.indexOf('<', at);
    if (lt < 0) {
      if (text.slice(at).trim() !== '' && stack.length === 0)
        throw new XmlSyntaxError('Text outside the root element');
      break;
    }
    if (
      stack.length === 0 &&
      text
        .slice(at, lt)
        .replace(/^\uFEFF/, '')
        .trim() !== ''
    ) {
      throw new XmlSyntaxError('Text outside the root element');
    }
    if (text.startsWith('<?', lt)) at = skipPast(text, lt, '?>');
    else if (text.startsWith('<!--', lt)) at = skipPast(text, lt, '-->');
    else if (text.startsWith('<![CDATA[', lt)) at = skipPast(text, lt, ']]>');
    else if (text.startsWith('<!', lt)) at = skipDeclaration(text, lt);
    else if (text.startsWith('</', lt)) {
      const end = skipPast(text, lt, '>');
      const qualified = text.slice(lt + 2, end - 1).trim();
      const open = stack.pop();
      if (!open || open.qualified !== qualified)
        throw new XmlSyntaxError(`Unexpected closing tag </${qualified}>`);
      const element = close(open);
      if (stack.length === 0) root = element;
      else stack[stack.length - 1].children.push(element);
      at = end;
    } else {
      if (root !== undefined) throw new XmlSyntaxError('More than one root element');
      NAME.lastIndex = lt + 1;
      const name = NAME.exec(text);
      if (!name) throw new XmlSyntaxError('Malformed tag');
      const qualified = name[0];
      const attributes: Record<string, string> = {};
      let cursor = NAME.lastIndex;
      for (;;) {
        ATTRIBUTE.lastIndex = cursor;
        const attribute = ATTRIBUTE.exec(text);
        if (!attribute) break;
        attributes[attribute[1]] = decode(attribute[2] ?? attribute[3]);
        cursor = ATTRIBUTE.lastIndex;
      }
      const rest = /\s*(\/?)>/y;
      rest.lastIndex = cursor;
      const ending = rest.exec(text);
      if (!ending) throw new XmlSyntaxError(`Malformed tag <${qualified}>`);
      const colon = qualified.indexOf(':');
      const open: Open = {
        name: colon < 0 ? qualified : qualified.slice(colon + 1),
        prefix: colon < 0 ? '' : qualified.slice(0, colon),
        qualified,
        attributes,
        children: [],
      };
      if (ending[1] === '/') {
        const element = close(open);
        if (stack.length === 0) root = element;
        else stack[stack.length - 1].children.push(element);
      } else {
        stack.push(open);
      }
      at = rest.lastIndex;
    }
  }
  if (stack.length > 0) throw new XmlSyntaxError(`Unclosed element <${stack[stack.length - 1].qualified}>`);
  if (root === undefined) throw new XmlSyntaxError('No root element');
  return root;
}

const close = ({
  name,
  prefix,
  attributes,
  children,
}: {
  name: string;
  prefix: string;
  attributes: Record<string, string>;
  children: XmlElement[];
}): XmlElement => ({
  name,
  prefix,
  attributes,
  children,
});

/** `<!DOCTYPE ..>`, whose internal subset (`[ <!ENTITY ..> ]`) holds `>` of its own. */
function skipDeclaration(text: string, from: number): number {
  const close = text.indexOf('>', from);
  const subset = text.indexOf('[', from);
  return subset >= 0 && (close < 0 || subset < close)
    ? skipPast(text, subset, ']>')
    : skipPast(text, from, '>');
}

function skipPast(text: string, from: number, end: string): number {
  const found = text.indexOf(end, from);
  if (found < 0) throw new XmlSyntaxError(`Unterminated ${text.slice(from, from + 4)}`);
  return found + end.length;
}

function decode(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return ENTITIES[entity] ?? whole;
  });
}

/** The children of `element` with this local name. */
export const childrenNamed = (element: XmlElement, name: string): XmlElement[] =>
  element.children.filter((child) => child.name === name);
