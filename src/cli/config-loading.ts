// Reading a configuration file for a command: errors become `file:line:col: message` with a code
// frame on stderr and exit code 1 (a file that cannot be read at all is a usage error, exit 2).
// Warnings are printed and the command goes on. Shared by every command that takes a config.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { ConfigError } from '../config/errors.ts';
import { loadConfig } from '../config/load.ts';
import type { ConfigModel } from '../config/model.ts';
import type { Diagnostic } from '../syntax/ast.ts';
import { formatDiagnostic } from '../syntax/diagnostics.ts';
import { CliExit, EXIT_FINDING, EXIT_USAGE } from './exit.ts';

export interface CommandConfig {
  file: string;
  source: string;
  model: ConfigModel;
}

export interface LoadCommandConfigOptions {
  /** Values for `env("…")`; defaults to the process environment. */
  env?: Record<string, string>;
}

export function loadCommandConfig(file: string, opts: LoadCommandConfigOptions = {}): CommandConfig {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliExit(EXIT_USAGE, `alloy-scrub: cannot read ${file}: ${(err as Error).message}`);
  }
  let model: ConfigModel;
  try {
    model = loadConfig(source, file, { env: opts.env ?? (process.env as Record<string, string>) });
  } catch (err) {
    throw configFailure(err, source, file);
  }
  const errors = model.diagnostics.filter((d) => d.severity === 'error');
  const warnings = model.diagnostics.filter((d) => d.severity !== 'error');
  if (warnings.length > 0) {
    const labelled = warnings.map((d) => ({ ...d, message: `warning: ${d.message}` }));
    process.stderr.write(`${renderDiagnostics(labelled, source, file)}\n`);
  }
  if (errors.length > 0) throw new CliExit(EXIT_FINDING, renderDiagnostics(errors, source, file));
  return { file, source, model };
}

/**
 * The exit for an error found while loading or compiling a config: a ConfigError (or anything that
 * carries diagnostics) becomes positioned messages and exit 1; anything else is left to main's
 * internal-error handling.
 */
export function configFailure(err: unknown, source: string, file: string): unknown {
  if (err instanceof ConfigError) return new CliExit(EXIT_FINDING, renderDiagnostics([err.toDiagnostic()], source, file));
  const diags = (err as { diagnostics?: unknown })?.diagnostics;
  if (Array.isArray(diags) && diags.length > 0) return new CliExit(EXIT_FINDING, renderDiagnostics(diags as Diagnostic[], source, file));
  return err;
}

/** Diagnostics with code frames; a diagnostic in another file (a module) is framed from that file. */
export function renderDiagnostics(diags: readonly Diagnostic[], source: string, file?: string): string {
  const color = process.stderr.isTTY === true && !process.env.NO_COLOR;
  return diags.map((d) => formatDiagnostic(d, file === undefined || d.file === file ? source : otherSource(d.file), { color })).join('\n\n');
}

function otherSource(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/**
 * Reads files a component names (loki.secretfilter's gitleaks_config) relative to the config
 * file's directory, so a repository's CI finds them wherever the command is started from.
 */
export function configRelativeReader(configFile: string): (path: string) => string {
  return (path) => readFileSync(isAbsolute(path) ? path : resolve(dirname(configFile), path), 'utf8');
}
