/**
 * The sheet name of each worksheet part (`xl/worksheets/sheet2.xml` → `事实`), from workbook.xml and its
 * relationships, resolved as exceljs resolves them (a target relative to `xl/`).
 */
export function sheetNamesByPart(workbookXml: string, relationsXml: string): ReadonlyMap<string, string> {
  const targets = new Map<string, string>();
  for (const [, attributes] of relationsXml.matchAll(/<Relationship\b([^>]*)>/g)) {
    const id = attribute(attributes!, 'Id');
    const target = attribute(attributes!, 'Target');
    if (id !== undefined && target !== undefined) {
      targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    }
  }
  const names = new Map<string, string>();
  for (const [, attributes] of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const name = attribute(attributes!, 'name');
    const id = attribute(attributes!, '\\w+:id');
    const part = id === undefined ? undefined : targets.get(id);
    if (name !== undefined && part !== undefined) names.set(part, decodeXml(name));
  }
  return names;
}

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return match ? (match[1] ?? match[2]) : undefined;
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (entity, name: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    if (name in named) return named[name]!;
    const code = name.startsWith('#x') ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}
