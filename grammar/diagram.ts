// Generates grammar/diagram.html, the railroad diagram of the Alloy grammar, from the Chevrotain
// parser's productions: `npm run grammar:diagram`. The page loads Chevrotain's diagram renderer
// from a CDN when opened.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createSyntaxDiagramsCode } from 'chevrotain';
import { alloyGrammar } from './parser.ts';

export function diagramHtml(): string {
  return createSyntaxDiagramsCode(alloyGrammar().getSerializedGastProductions());
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = fileURLToPath(new URL('./diagram.html', import.meta.url));
  writeFileSync(out, diagramHtml());
  process.stdout.write(`wrote ${out}\n`);
}
