// Writes dist/README.md, the page the extensions view shows: docs/extension-readme.md with its
// screenshots inlined as data: URIs. VS Code resolves a packaged README's relative image links
// against its own webview, not the extension, so they show broken; and vsce rewrites them only
// to a repository's https URLs, which this package has not (npm run package passes
// --no-rewrite-relative-links). Inlined, the pictures travel in the .vsix and show offline.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

const source = 'docs/extension-readme.md';
const out = 'dist/README.md';
const text = readFileSync(source, 'utf8').replace(/(!\[[^\]]*\]\()([^)\s]+\.png)\)/g, (all, start, link) => {
  if (/^\w+:/.test(link)) return all;
  const data = readFileSync(join(link.startsWith('docs/') ? '.' : dirname(source), link)).toString('base64');
  return `${start}data:image/png;base64,${data})`;
});
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, text);
console.log(`${out}: ${source} with ${(text.match(/data:image\/png/g) ?? []).length} images inlined (${Math.round(text.length / 1024)} KB)`);
