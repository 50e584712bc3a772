/**
 * A small strict XML well-formedness checker for the JUnit report: one root element, properly nested and closed
 * tags, quoted unique attributes, only the five predefined entities (or numeric ones), no stray `<` or `&`.
 * Returns the element tree so tests can look inside.
 */
export interface XmlElement {
    name: string;
    attributes: Record<string, string>;
    children: XmlElement[];
    text: string;
}

const NAME = /^[A-Za-z_][\w.-]*/;
const ENTITY = /^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/;

function decode(text: string, where: string): string {
    let out = "";
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === "<") throw new Error(`${where}: raw "<" in text`);
        if (c === "&") {
            const m = ENTITY.exec(text.slice(i));
            if (!m) throw new Error(`${where}: bad entity at "${text.slice(i, i + 10)}"`);
            const e = m[1];
            out += e === "amp" ? "&" : e === "lt" ? "<" : e === "gt" ? ">" : e === "quot" ? '"' : e === "apos" ? "'" : String.fromCodePoint(e.startsWith("#x") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
            i += m[0].length - 1;
        } else {
            out += c;
        }
    }
    return out;
}

/** Parses `xml` or throws naming what is wrong. */
export function parseXml(xml: string): XmlElement {
    let pos = 0;
    const rest = () => xml.slice(pos);
    const skipSpace = () => {
        while (pos < xml.length && /\s/.test(xml[pos])) pos++;
    };
    const decl = /^<\?xml[^?]*\?>/.exec(rest());
    if (decl) pos += decl[0].length;
    const stack: XmlElement[] = [];
    let root: XmlElement | undefined;
    for (;;) {
        const textEnd = xml.indexOf("<", pos);
        const text = xml.slice(pos, textEnd < 0 ? xml.length : textEnd);
        if (stack.length === 0) {
            if (text.trim() !== "") throw new Error(`text outside the root element: "${text.trim().slice(0, 30)}"`);
        } else {
            stack[stack.length - 1].text += decode(text, stack[stack.length - 1].name);
        }
        if (textEnd < 0) break;
        pos = textEnd;
        if (rest().startsWith("<!--")) {
            const end = xml.indexOf("-->", pos);
            if (end < 0) throw new Error("unclosed comment");
            pos = end + 3;
            continue;
        }
        if (rest().startsWith("</")) {
            pos += 2;
            const name = NAME.exec(rest())?.[0];
            const open = stack.pop();
            if (!name || !open || open.name !== name) throw new Error(`closing </${name ?? "?"}> does not match <${open?.name ?? "nothing"}>`);
            pos += name.length;
            skipSpace();
            if (xml[pos] !== ">") throw new Error(`</${name}: expected ">"`);
            pos++;
            continue;
        }
        pos++;
        const name = NAME.exec(rest())?.[0];
        if (!name) throw new Error(`bad tag at "${xml.slice(pos - 1, pos + 20)}"`);
        pos += name.length;
        const element: XmlElement = { name, attributes: {}, children: [], text: "" };
        for (;;) {
            skipSpace();
            if (rest().startsWith("/>") || xml[pos] === ">") break;
            const attr = NAME.exec(rest())?.[0];
            if (!attr) throw new Error(`<${name}: bad attribute at "${xml.slice(pos, pos + 20)}"`);
            pos += attr.length;
            if (xml[pos] !== "=" || xml[pos + 1] !== '"') throw new Error(`<${name} ${attr}: expected ="..."`);
            const end = xml.indexOf('"', pos + 2);
            if (end < 0) throw new Error(`<${name} ${attr}: unterminated value`);
            if (attr in element.attributes) throw new Error(`<${name}: duplicate attribute ${attr}`);
            element.attributes[attr] = decode(xml.slice(pos + 2, end), `${name}@${attr}`);
            pos = end + 1;
        }
        const selfClosing = rest().startsWith("/>");
        pos += selfClosing ? 2 : 1;
        if (stack.length > 0) stack[stack.length - 1].children.push(element);
        else if (root) throw new Error("more than one root element");
        else root = element;
        if (!selfClosing) stack.push(element);
    }
    if (stack.length > 0) throw new Error(`unclosed <${stack[stack.length - 1].name}>`);
    if (!root) throw new Error("no root element");
    return root;
}

/** Every descendant element named `name`. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
    return element.children.flatMap((c) => [...(c.name === name ? [c] : []), ...findAll(c, name)]);
}
