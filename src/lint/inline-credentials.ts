// Credentials written into the configuration as literals. Alloy's UI and support bundles show
// component arguments, the file sits in ConfigMaps and Git, and rotating it means a redeploy: a
// secret belongs in sys.env(), local.file, remote.kubernetes.secret or remote.vault.
//
// A value counts as inline only when its expression is built from literals alone (a string, or
// strings joined with +). Anything that calls a function or reads a component is not judged.
// Besides attributes named like credentials, every other literal of an endpoint-bearing
// component is scanned with the credential detectors (a password inside a URL, a bearer header).
import type { EvaluatedAttribute } from '../config/model.ts';
import { detectSecrets, isPlaceholder } from '../detect/index.ts';
import type { Expr } from '../syntax/ast.ts';
import { walkAttributes } from './config-walk.ts';
import { finding } from './finding.ts';
import type { Finding } from './types.ts';

const CREDENTIAL_NAME = /^(password|passwd|token|secret|api_key|apikey|bearer_token|client_secret|credentials|key_pem|secret_key|access_key|secret_access_key|session_token|auth_token|private_key)$|_(password|secret|token|api_key)$/;
const HEADER_MAPS = new Set(['headers', 'http_headers', 'proxy_connect_header']);
const CREDENTIAL_HEADER = /^(authorization|proxy-authorization|x-api-key|api-key|apikey|x-auth-token|private-token|x-vault-token)$/i;

/** Blocks whose literals are scrub patterns or sample text, not settings. */
function isRuleContent(path: string[]): boolean {
  return path.some((p) => p.startsWith('stage.') || p === 'rule');
}

/** The literal text of an expression made only of string literals (and +), else undefined. */
export function literalText(e: Expr): string | undefined {
  switch (e.kind) {
    case 'Literal':
      return e.literalKind === 'string' ? 'literal' : undefined;
    case 'Paren':
      return literalText(e.inner);
    case 'Binary':
      return e.op === '+' && literalText(e.left) !== undefined && literalText(e.right) !== undefined ? 'literal' : undefined;
    default:
      return undefined;
  }
}

const FIX = 'read it at run time instead: sys.env("NAME"), local.file.NAME.content (with is_secret = true), remote.kubernetes.secret.NAME.data["key"] or remote.vault.NAME.data["key"]';

export function inlineCredentialFindings(model: import('../config/model.ts').ConfigModel): Finding[] {
  const out: Finding[] = [];
  for (const { attr, block, path } of walkAttributes(model)) {
    if (isRuleContent(path)) continue;
    const where = `${path.join(' > ')} ${attr.name}`;
    if (CREDENTIAL_NAME.test(attr.name) && !attr.name.endsWith('_file')) {
      if (isInlineValue(attr)) {
        out.push(finding('inline-credential', block.file, attr.range, `${where} is written in the configuration as a literal: anyone who can read the file, its ConfigMap or Git history, or Alloy's UI has the credential`, FIX));
      }
      continue;
    }
    if (HEADER_MAPS.has(attr.name) && attr.expr.kind === 'Object') {
      for (const f of attr.expr.fields) {
        const values = f.value.kind === 'Array' ? f.value.elements : [f.value];
        if (CREDENTIAL_HEADER.test(f.name.name) && values.some((v) => literalText(v) !== undefined)) {
          out.push(finding('inline-credential', block.file, f.range, `${where} sets the ${f.name.name} header from a literal: the credential is in the configuration for anyone who can read it`, FIX));
        }
      }
      continue;
    }
    const literals = literalStrings(attr);
    if (literals.length > 0) {
      const hit = literals.flatMap((v) => detectSecrets(v)).find((h) => h.kind === 'credential' && !isPlaceholder(h.value));
      if (hit) {
        out.push(finding('inline-credential', block.file, attr.range, `${where} contains a credential (${hit.detector}) written as a literal: anyone who can read the configuration has it`, FIX));
      }
    }
  }
  return out;
}

function isInlineValue(attr: EvaluatedAttribute): boolean {
  return typeof attr.value === 'string' && attr.value !== '' && literalText(attr.expr) !== undefined && !isPlaceholder(attr.value);
}

/** The attribute's value when it is a literal string, or the literal strings of a literal list. */
function literalStrings(attr: EvaluatedAttribute): string[] {
  if (typeof attr.value === 'string') return literalText(attr.expr) !== undefined ? [attr.value] : [];
  if (attr.expr.kind !== 'Array' || !Array.isArray(attr.value)) return [];
  const out: string[] = [];
  attr.expr.elements.forEach((e, i) => {
    const v = (attr.value as unknown[])[i];
    if (typeof v === 'string' && literalText(e) !== undefined) out.push(v);
  });
  return out;
}
