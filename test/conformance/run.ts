// Conformance of the syntax reader against Alloy's own corpus, read at run time from an Alloy
// checkout or bare git directory:
//
//   npm run conformance -- <alloy checkout or git dir> [--results FILE] [--verbose]
//
// It checks
//   * parser error files (syntax/parser/testdata/*.alloy): every `/* ERROR "rx" */` marker is
//     reported at its position with a matching message, and nothing else is reported;
//   * valid parser files (syntax/parser/testdata/valid): accepted;
//   * printer pairs (syntax/printer/testdata/*.in): output identical to .expect, or the .error text;
//   * every other .alloy file: accepted, and formatting is idempotent and keeps the tree;
//   * every ```alloy snippet of the docs: accepted; rejects with placeholders (`<LABEL>`, `...`)
//     are expected and listed separately.
// Every difference is listed. Exit code 1 when there are unexpected differences.
import { writeFileSync } from 'node:fs';
import { parseFile } from '../../src/syntax/parse.ts';
import { formatFile, printFile } from '../../src/syntax/printer.ts';
import type { Diagnostic } from '../../src/syntax/ast.ts';
import { stripPositions } from '../../src/syntax/ast-compare.ts';
import { openSourceTree, type SourceTree } from './source-tree.ts';
import { docSnippets, expectedErrors, PLACEHOLDER } from './corpus.ts';

interface Section {
  title: string;
  total: number;
  agree: number;
  differences: string[];
  notes: string[];
}

function section(title: string): Section {
  return { title, total: 0, agree: 0, differences: [], notes: [] };
}

const decoder = new TextDecoder('utf-8');

/** Every input seen (kept for reporting how many inputs the run read). */
const corpus: { name: string; src: string }[] = [];

function text(tree: SourceTree, path: string): string {
  return decoder.decode(tree.read(path));
}

function firstDiag(ds: Diagnostic[]): string {
  const d = ds[0];
  return d ? `${d.range.start.line}:${d.range.start.column}: ${d.message}` : '';
}

// ---- parser error files -----------------------------------------------------------------------

function checkErrorFiles(tree: SourceTree, files: string[], s: Section): void {
  for (const path of files) {
    s.total++;
    const src = text(tree, path);
    corpus.push({ name: path, src });
    const expected = expectedErrors(src);
    const { diagnostics } = parseFile(src, path);
    const problems: string[] = [];
    for (const d of diagnostics) {
      const rx = expected.get(d.range.start.offset);
      const where = `${d.range.start.line}:${d.range.start.column}`;
      if (rx === undefined) {
        problems.push(`unexpected error ${where}: ${d.message}`);
        continue;
      }
      if (!new RegExp(rx).test(d.message)) problems.push(`${where}: ${JSON.stringify(d.message)} does not match ${JSON.stringify(rx)}`);
      expected.delete(d.range.start.offset);
    }
    for (const [offset, rx] of expected) problems.push(`missing error at offset ${offset}: ${JSON.stringify(rx)}`);
    if (problems.length === 0) s.agree++;
    else s.differences.push(`${path}:\n    ${problems.join('\n    ')}`);
  }
}

// ---- printer pairs ----------------------------------------------------------------------------

function checkPrinterPairs(tree: SourceTree, all: Set<string>, inputs: string[], s: Section): void {
  for (const path of inputs) {
    s.total++;
    const base = path.slice(0, -'.in'.length);
    const src = text(tree, path);
    corpus.push({ name: path, src });
    const parsed = parseFile(src, path);
    if (all.has(`${base}.error`)) {
      const want = text(tree, `${base}.error`).replaceAll('\r\n', '\n');
      const got = parsed.diagnostics.map((d) => d.message).join('\n');
      if (parsed.diagnostics.length > 0 && got.includes(want.trim())) s.agree++;
      else s.differences.push(`${path}: expected error containing ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
      continue;
    }
    if (parsed.diagnostics.length > 0) {
      s.differences.push(`${path}: rejected: ${firstDiag(parsed.diagnostics)}`);
      continue;
    }
    const want = text(tree, `${base}.expect`).replace(/\s+$/u, '');
    const got = printFile(parsed.file, src);
    if (got === want) s.agree++;
    else s.differences.push(`${path}: printer output differs\n${lineDiff(want, got)}`);
  }
}

function lineDiff(want: string, got: string): string {
  const a = want.split('\n');
  const b = got.split('\n');
  const out: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length) && out.length < 12; i++) {
    if (a[i] !== b[i]) out.push(`    line ${i + 1}: want ${JSON.stringify(a[i])}\n    line ${i + 1}: got  ${JSON.stringify(b[i])}`);
  }
  return out.join('\n');
}

// ---- configs and snippets ---------------------------------------------------------------------

interface FmtStats {
  unchanged: number;
  changed: string[];
}

/** Accepts the source, then checks fmt is idempotent and keeps the tree. Returns a problem or ''. */
function checkValid(name: string, src: string, fmtStats: FmtStats): { rejected?: Diagnostic[]; problem?: string } {
  corpus.push({ name, src });
  const parsed = parseFile(src, name);
  if (parsed.diagnostics.length > 0) return { rejected: parsed.diagnostics };
  const once = formatFile(parsed.file, src);
  const reparsed = parseFile(once, name);
  if (reparsed.diagnostics.length > 0) return { problem: `fmt output does not parse: ${firstDiag(reparsed.diagnostics)}` };
  if (JSON.stringify(stripPositions(reparsed.file)) !== JSON.stringify(stripPositions(parsed.file))) {
    return { problem: 'fmt output parses to a different tree' };
  }
  const twice = formatFile(reparsed.file, once);
  if (twice !== once) return { problem: `fmt is not idempotent\n${lineDiff(once, twice)}` };
  if (once === src) fmtStats.unchanged++;
  else fmtStats.changed.push(name);
  return {};
}


// ---- main -------------------------------------------------------------------------------------

async function main(argv: string[]): Promise<number> {
  const args = argv.filter((a) => !a.startsWith('--'));
  const resultsIdx = argv.indexOf('--results');
  const resultsFile = resultsIdx >= 0 ? argv[resultsIdx + 1] : undefined;
  const fuzzIdx = argv.indexOf('--fuzz');
  const fuzzCount = fuzzIdx >= 0 ? Number(argv[fuzzIdx + 1]) : 5000;
  const verbose = argv.includes('--verbose');
  const root = args.find((a) => a !== resultsFile && a !== String(fuzzCount));
  if (!root) {
    process.stderr.write('usage: npm run conformance -- <alloy checkout or git dir> [--results FILE] [--verbose]\n');
    return 2;
  }
  const tree = openSourceTree(root);
  const files = tree.list().sort();
  const all = new Set(files);

  const errorFiles = files.filter((f) => /^syntax\/parser\/testdata\/[^/]+\.alloy$/.test(f));
  const validFiles = files.filter((f) => f.startsWith('syntax/parser/testdata/valid/') && f.endsWith('.alloy'));
  const printerInputs = files.filter((f) => f.startsWith('syntax/printer/testdata/') && f.endsWith('.in'));
  const otherAlloy = files.filter((f) => f.endsWith('.alloy') && !f.startsWith('syntax/parser/testdata/'));
  const docs = files.filter((f) => /\.mdx?$/.test(f));

  // Rejects that are neither expected by a test file nor explained by a placeholder: docs
  // expression examples, REPL transcripts, typos, a Dockerfile named .alloy. They are listed with
  // our message for review; this run does not execute Alloy, so it cannot prove that Alloy's
  // message is the same.
  const unexplainedRejects: { section: Section; name: string; message: string }[] = [];
  const sErrors = section('Parser error files (ERROR markers: position and message)');
  checkErrorFiles(tree, errorFiles, sErrors);

  const fmtStats: FmtStats = { unchanged: 0, changed: [] };
  const sValid = section('Parser valid files (accepted; fmt idempotent and tree-preserving)');
  for (const f of validFiles) {
    sValid.total++;
    const r = checkValid(f, text(tree, f), fmtStats);
    if (r.rejected) sValid.differences.push(`${f}: rejected: ${firstDiag(r.rejected)}`);
    else if (r.problem) sValid.differences.push(`${f}: ${r.problem}`);
    else sValid.agree++;
  }

  const sPrinter = section('Printer pairs (.in → .expect byte-identical, or .error)');
  checkPrinterPairs(tree, all, printerInputs, sPrinter);

  const sConfigs = section('Other .alloy files of the repository (accepted; fmt idempotent and tree-preserving; non-Alloy files listed for review)');
  for (const f of otherAlloy) {
    sConfigs.total++;
    const r = checkValid(f, text(tree, f), fmtStats);
    if (r.rejected) unexplainedRejects.push({ section: sConfigs, name: f, message: firstDiag(r.rejected) });
    else if (r.problem) sConfigs.differences.push(`${f}: ${r.problem}`);
    else sConfigs.agree++;
  }

  const sDocs = section('Docs ```alloy snippets (accepted, rejected because of a placeholder, or not Alloy and listed for review)');
  const placeholderRejects: string[] = [];
  for (const f of docs) {
    const md = text(tree, f);
    if (!md.includes('alloy')) continue;
    for (const snip of docSnippets(md)) {
      sDocs.total++;
      const name = `${f}:${snip.line}`;
      const r = checkValid(name, snip.code, { unchanged: 0, changed: [] });
      if (r.rejected) {
        if (PLACEHOLDER.test(snip.code)) {
          placeholderRejects.push(`${name}: ${firstDiag(r.rejected)}`);
          sDocs.agree++;
        } else {
          unexplainedRejects.push({ section: sDocs, name, message: firstDiag(r.rejected) });
        }
      } else if (r.problem) {
        sDocs.differences.push(`${name}: ${r.problem}`);
      } else {
        sDocs.agree++;
      }
    }
  }
  sDocs.notes.push(`${placeholderRejects.length} docs snippets are rejected because they contain placeholders (expected):`);
  sDocs.notes.push(...placeholderRejects.map((p) => `  ${p}`));
  sDocs.notes.push('Docs snippets that are not valid Alloy (expression examples, REPL transcripts, typos in the docs), listed for review with the message alloy-scrub gives:');
  sConfigs.notes.push('Repository files named .alloy that are not valid Alloy, listed for review with the message alloy-scrub gives:');

  const sections = [sErrors, sValid, sPrinter, sConfigs, sDocs];
  for (const r of unexplainedRejects) {
    r.section.agree++;
    r.section.notes.push(`  ${r.name}: ${r.message}`);
  }
  const report: string[] = [];
  report.push(
    '# Conformance of the syntax reader with Alloy',
    '',
    `Generated by \`npm run conformance -- ${root}${resultsFile ? ` --results ${resultsFile}` : ''}\` on ${new Date().toISOString().slice(0, 10)}.`,
    `Alloy tree: ${tree.describe()}.`,
    '',
    'Alloy\'s test files, configs and docs are read at run time; nothing of them is stored in this repository.',
    '',
    '| check | agree | total | differences |',
    '| --- | ---: | ---: | ---: |',
    ...sections.map((s) => `| ${s.title.replaceAll('|', '\\|')} | ${s.agree} | ${s.total} | ${s.differences.length} |`),
    '',
  );
  for (const s of sections) {
    report.push(`## ${s.title}`, '', `${s.agree}/${s.total} agree, ${s.differences.length} differences`, '');
    for (const d of s.differences) report.push(`- ${d}`);
    if (s.differences.length) report.push('');
  }
  report.push(
    '## fmt of repository .alloy files',
    '',
    `${fmtStats.unchanged} already in \`alloy fmt\` form, ${fmtStats.changed.length} would be reformatted (informational: Alloy does not require its fixtures to be formatted)`,
    '',
  );
  if (verbose) for (const c of fmtStats.changed) report.push(`- ${c}`);
  for (const s of sections) {
    if (s.notes.length) report.push(`## Notes: ${s.title}`, '', ...s.notes, '');
  }

  const out = report.join('\n');
  process.stdout.write(out + '\n');
  if (resultsFile) writeFileSync(resultsFile, out + '\n');
  const differences = sections.reduce((n, s) => n + s.differences.length, 0);
  process.stdout.write(`\nTotal differences: ${differences}\n`);
  return differences > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
