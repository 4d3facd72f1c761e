// Fails when an exported function, constant or class has no @example in its TSDoc (CONVENTIONS: every
// export has TSDoc with an @example). Reads the JSON that `pnpm run docs` writes beside the site's HTML.
import { readFileSync } from 'node:fs';

const api = JSON.parse(readFileSync(new URL('../docs/site/api.json', import.meta.url), 'utf8'));
const documentedKinds = new Set([32, 64, 128]); // variable, function, class
const missing = [];

function visit(node, where) {
  for (const child of node.children ?? []) {
    if (child.kind === 2) visit(child, where ? `${where}/${child.name}` : child.name);
    else if (documentedKinds.has(child.kind)) {
      const comments = [child, ...(child.signatures ?? [])].map((part) => part.comment?.blockTags ?? []);
      if (!comments.flat().some((tag) => tag.tag === '@example')) missing.push(`${where}: ${child.name}`);
    }
  }
}
visit(api, '');
if (missing.length > 0) {
  console.error(`exports without an @example in their TSDoc:\n  ${missing.join('\n  ')}`);
  process.exit(1);
}
console.log('every exported function, constant and class has an @example');
