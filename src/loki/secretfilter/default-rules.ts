// THE PROJECT'S OWN DEFAULT RULE SET for loki.secretfilter — not the gitleaks set Alloy embeds.
//
// Without `gitleaks_config` (or with `[extend] useDefault = true`), Alloy runs the default
// configuration of the gitleaks version it was built with (about 220 rules). alloy-scrub does
// not copy those rules; it ships this set instead, written by the project from the public token
// formats of each provider. Rule ids follow gitleaks' ids for the same credential types, because
// ids are an interface: they appear in `redact_with = "$SECRET_NAME"` output and users' TOML files
// refer to them (`[[rules]] id = "generic-api-key"` to tune it, `disabledRules`).
//
// Verdicts that depend on which rules exist therefore carry a caveat: see the fail-closed policy
// in index.ts (entries where a default rule matched, or where a credential is present that no
// default rule matched, are marked unknown).

import { compileRegex } from '../../regex/index.ts';
import type { Rule } from './model.ts';

interface RuleSpec {
  id: string;
  description: string;
  regex: string;
  keywords: string[];
  secretGroup?: number;
  entropy?: number;
}

// Patterns are RE2/Go syntax. A token rule captures the token in group 1 so that its boundary
// characters are not part of the secret.
const SPECS: RuleSpec[] = [
  // Cloud providers
  { id: 'aws-access-token', description: 'AWS access key id', regex: String.raw`\b((?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16})\b`, keywords: ['akia', 'asia', 'abia', 'acca', 'a3t'] },
  { id: 'gcp-api-key', description: 'Google Cloud / Google API key', regex: String.raw`\b(AIza[0-9A-Za-z_-]{35})(?:[^0-9A-Za-z_-]|$)`, keywords: ['aiza'] },
  { id: 'azure-ad-client-secret', description: 'Azure AD client secret', regex: String.raw`(?:^|[^0-9A-Za-z_~.])([0-9A-Za-z_~.]{3}[0-9]Q~[0-9A-Za-z_~.-]{31,34})(?:[^0-9A-Za-z_~.-]|$)`, keywords: ['q~'] },
  { id: 'digitalocean-pat', description: 'DigitalOcean personal access token', regex: String.raw`\b(dop_v1_[0-9a-f]{64})\b`, keywords: ['dop_v1_'] },
  { id: 'digitalocean-access-token', description: 'DigitalOcean OAuth access token', regex: String.raw`\b(doo_v1_[0-9a-f]{64})\b`, keywords: ['doo_v1_'] },
  { id: 'digitalocean-refresh-token', description: 'DigitalOcean OAuth refresh token', regex: String.raw`\b(dor_v1_[0-9a-f]{64})\b`, keywords: ['dor_v1_'] },
  { id: 'flyio-access-token', description: 'Fly.io access token', regex: String.raw`\b(fo1_[0-9A-Za-z_-]{43})\b`, keywords: ['fo1_'] },
  { id: 'heroku-api-key-v2', description: 'Heroku API key', regex: String.raw`\b(HRKU-AA[0-9A-Za-z_-]{58})\b`, keywords: ['hrku-aa'] },
  // Source control and CI
  { id: 'github-pat', description: 'GitHub personal access token (classic)', regex: String.raw`\b(ghp_[0-9A-Za-z]{36})\b`, keywords: ['ghp_'] },
  { id: 'github-oauth', description: 'GitHub OAuth access token', regex: String.raw`\b(gho_[0-9A-Za-z]{36})\b`, keywords: ['gho_'] },
  { id: 'github-app-token', description: 'GitHub App user or installation token', regex: String.raw`\b((?:ghu|ghs)_[0-9A-Za-z]{36})\b`, keywords: ['ghu_', 'ghs_'] },
  { id: 'github-refresh-token', description: 'GitHub refresh token', regex: String.raw`\b(ghr_[0-9A-Za-z]{36})\b`, keywords: ['ghr_'] },
  { id: 'github-fine-grained-pat', description: 'GitHub fine-grained personal access token', regex: String.raw`\b(github_pat_[0-9A-Za-z_]{82})\b`, keywords: ['github_pat_'] },
  { id: 'gitlab-pat', description: 'GitLab personal access token', regex: String.raw`\b(glpat-[0-9A-Za-z_-]{20})(?:[^0-9A-Za-z_-]|$)`, keywords: ['glpat-'] },
  { id: 'gitlab-deploy-token', description: 'GitLab deploy token', regex: String.raw`\b(gldt-[0-9A-Za-z_-]{20})(?:[^0-9A-Za-z_-]|$)`, keywords: ['gldt-'] },
  { id: 'gitlab-runner-authentication-token', description: 'GitLab runner authentication token', regex: String.raw`\b(glrt-[0-9A-Za-z_-]{20})(?:[^0-9A-Za-z_-]|$)`, keywords: ['glrt-'] },
  { id: 'gitlab-ptt', description: 'GitLab pipeline trigger token', regex: String.raw`\b(glptt-[0-9a-f]{40})\b`, keywords: ['glptt-'] },
  { id: 'gitlab-feed-token', description: 'GitLab feed token', regex: String.raw`\b(glft-[0-9A-Za-z_-]{20})(?:[^0-9A-Za-z_-]|$)`, keywords: ['glft-'] },
  { id: 'gitlab-cicd-job-token', description: 'GitLab CI/CD job token', regex: String.raw`\b(glcbt-[0-9A-Za-z]{1,5}_[0-9A-Za-z_-]{20})\b`, keywords: ['glcbt-'] },
  { id: 'npm-access-token', description: 'npm access token', regex: String.raw`\b(npm_[0-9A-Za-z]{36})\b`, keywords: ['npm_'] },
  { id: 'pypi-upload-token', description: 'PyPI upload token', regex: String.raw`\b(pypi-AgEIcHlwaS5vcmc[0-9A-Za-z_-]{50,})`, keywords: ['pypi-ageichlwas5vcmc'] },
  { id: 'rubygems-api-token', description: 'RubyGems API token', regex: String.raw`\b(rubygems_[0-9a-f]{48})\b`, keywords: ['rubygems_'] },
  { id: 'clojars-api-token', description: 'Clojars deploy token', regex: String.raw`(?i)\b(CLOJARS_[0-9a-z]{60})\b`, keywords: ['clojars_'] },
  { id: 'atlassian-api-token', description: 'Atlassian API token', regex: String.raw`\b(ATATT3[0-9A-Za-z_=-]{186})`, keywords: ['atatt3'] },
  // Chat and messaging
  { id: 'slack-bot-token', description: 'Slack bot token', regex: String.raw`\b(xoxb-[0-9]{10,13}-[0-9]{10,13}(?:-[0-9A-Za-z]{10,40})?)\b`, keywords: ['xoxb'] },
  { id: 'slack-user-token', description: 'Slack user token', regex: String.raw`\b(xox[pe]-[0-9]{10,13}-[0-9]{10,13}-[0-9]{10,13}-[0-9A-Za-z]{28,34})\b`, keywords: ['xoxp-', 'xoxe-'] },
  { id: 'slack-app-token', description: 'Slack app-level token', regex: String.raw`(?i)\b(xapp-[0-9]-[0-9A-Z]+-[0-9]+-[0-9a-z]+)\b`, keywords: ['xapp'] },
  { id: 'slack-legacy-token', description: 'Slack legacy token', regex: String.raw`\b(xox[os]-[0-9]+-[0-9]+-[0-9]+-[0-9A-Fa-f]+)\b`, keywords: ['xoxo', 'xoxs'] },
  { id: 'slack-webhook-url', description: 'Slack incoming webhook URL', regex: String.raw`((?:https?://)?hooks\.slack\.com/(?:services|workflows|triggers)/[0-9A-Za-z+/]{43,56})`, keywords: ['hooks.slack.com'] },
  { id: 'sendgrid-api-token', description: 'SendGrid API key', regex: String.raw`\b(SG\.[0-9A-Za-z_-]{22}\.[0-9A-Za-z_-]{43})\b`, keywords: ['sg.'] },
  { id: 'sendinblue-api-token', description: 'Brevo (Sendinblue) API key', regex: String.raw`\b(xkeysib-[0-9a-f]{64}-[0-9A-Za-z]{16})\b`, keywords: ['xkeysib-'] },
  { id: 'mailchimp-api-key', description: 'Mailchimp API key', regex: String.raw`\b([0-9a-f]{32}-us[0-9]{1,2})\b`, keywords: ['-us'] },
  { id: 'mailgun-private-api-token', description: 'Mailgun private API key', regex: String.raw`\b(key-[0-9a-f]{32})\b`, keywords: ['key-'] },
  { id: 'twilio-api-key', description: 'Twilio API key SID', regex: String.raw`\b(SK[0-9a-fA-F]{32})\b`, keywords: ['sk'] },
  // Payments and commerce
  { id: 'stripe-access-token', description: 'Stripe secret or restricted key', regex: String.raw`\b((?:sk|rk)_(?:test|live|prod)_[0-9A-Za-z]{10,99})\b`, keywords: ['sk_test', 'sk_live', 'sk_prod', 'rk_test', 'rk_live', 'rk_prod'] },
  { id: 'square-access-token', description: 'Square access token', regex: String.raw`\b((?:EAAA|sq0atp-)[0-9A-Za-z_-]{22,60})\b`, keywords: ['sq0atp-', 'eaaa'] },
  { id: 'shopify-access-token', description: 'Shopify access token', regex: String.raw`\b(shpat_[0-9a-fA-F]{32})\b`, keywords: ['shpat_'] },
  { id: 'shopify-custom-access-token', description: 'Shopify custom app access token', regex: String.raw`\b(shpca_[0-9a-fA-F]{32})\b`, keywords: ['shpca_'] },
  { id: 'shopify-private-app-access-token', description: 'Shopify private app access token', regex: String.raw`\b(shppa_[0-9a-fA-F]{32})\b`, keywords: ['shppa_'] },
  { id: 'shopify-shared-secret', description: 'Shopify shared secret', regex: String.raw`\b(shpss_[0-9a-fA-F]{32})\b`, keywords: ['shpss_'] },
  { id: 'shippo-api-token', description: 'Shippo API token', regex: String.raw`\b(shippo_(?:live|test)_[0-9a-fA-F]{40})\b`, keywords: ['shippo_'] },
  // Observability and infrastructure
  { id: 'grafana-api-key', description: 'Grafana API key (legacy)', regex: String.raw`\b(eyJrIjoi[0-9A-Za-z]{70,400}={0,3})`, keywords: ['eyjrijoi'] },
  { id: 'grafana-cloud-api-token', description: 'Grafana Cloud access policy token', regex: String.raw`\b(glc_[0-9A-Za-z+/]{32,400}={0,3})`, keywords: ['glc_'] },
  { id: 'grafana-service-account-token', description: 'Grafana service account token', regex: String.raw`\b(glsa_[0-9A-Za-z]{32}_[0-9A-Fa-f]{8})\b`, keywords: ['glsa_'] },
  { id: 'sentry-user-token', description: 'Sentry user auth token', regex: String.raw`\b(sntryu_[0-9a-f]{64})\b`, keywords: ['sntryu_'] },
  { id: 'sentry-org-token', description: 'Sentry organization token', regex: String.raw`\b(sntrys_eyJ[0-9A-Za-z+/=_-]{50,400})`, keywords: ['sntrys_'] },
  { id: 'new-relic-user-api-key', description: 'New Relic user API key', regex: String.raw`\b(NRAK-[0-9A-Z]{27})\b`, keywords: ['nrak-'] },
  { id: 'dynatrace-api-token', description: 'Dynatrace API token', regex: String.raw`\b(dt0c01\.[0-9A-Za-z]{24}\.[0-9A-Za-z]{64})\b`, keywords: ['dt0c01.'] },
  { id: 'databricks-api-token', description: 'Databricks API token', regex: String.raw`\b(dapi[0-9a-f]{32}(?:-[0-9])?)\b`, keywords: ['dapi'] },
  { id: 'hashicorp-tf-api-token', description: 'Terraform Cloud / Enterprise API token', regex: String.raw`\b([0-9a-z]{14}\.atlasv1\.[0-9a-z_=-]{60,70})`, keywords: ['atlasv1'] },
  { id: 'vault-service-token', description: 'HashiCorp Vault service token', regex: String.raw`\b(hvs\.[0-9A-Za-z_-]{90,120})`, keywords: ['hvs.'] },
  { id: 'vault-batch-token', description: 'HashiCorp Vault batch token', regex: String.raw`\b(hvb\.[0-9A-Za-z_-]{138,300})`, keywords: ['hvb.'] },
  { id: 'doppler-api-token', description: 'Doppler API token', regex: String.raw`\b(dp\.pt\.[0-9A-Za-z]{43})\b`, keywords: ['dp.pt.'] },
  { id: 'pulumi-api-token', description: 'Pulumi access token', regex: String.raw`\b(pul-[0-9a-f]{40})\b`, keywords: ['pul-'] },
  { id: 'postman-api-token', description: 'Postman API key', regex: String.raw`\b(PMAK-[0-9a-f]{24}-[0-9a-f]{34})\b`, keywords: ['pmak-'] },
  { id: 'planetscale-password', description: 'PlanetScale password', regex: String.raw`\b(pscale_pw_[0-9A-Za-z_=.-]{32,64})\b`, keywords: ['pscale_pw_'] },
  { id: 'planetscale-api-token', description: 'PlanetScale API token', regex: String.raw`\b(pscale_tkn_[0-9A-Za-z_=.-]{32,64})\b`, keywords: ['pscale_tkn_'] },
  { id: 'openshift-user-token', description: 'OpenShift user token', regex: String.raw`\b(sha256~[0-9A-Za-z_-]{43})(?:[^0-9A-Za-z_-]|$)`, keywords: ['sha256~'] },
  { id: '1password-service-account-token', description: '1Password service account token', regex: String.raw`\b(ops_eyJ[0-9A-Za-z+/]{250,}={0,3})`, keywords: ['ops_'] },
  { id: 'age-secret-key', description: 'age encryption secret key', regex: String.raw`(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})`, keywords: ['age-secret-key-1'] },
  // AI providers
  { id: 'openai-api-key', description: 'OpenAI API key', regex: String.raw`\b(sk-(?:proj-|svcacct-|admin-)?[0-9A-Za-z_-]{20,74}T3BlbkFJ[0-9A-Za-z_-]{20,74})\b`, keywords: ['t3blbkfj'] },
  { id: 'anthropic-api-key', description: 'Anthropic API key', regex: String.raw`\b(sk-ant-api03-[0-9A-Za-z_-]{93}AA)\b`, keywords: ['sk-ant-api03'] },
  { id: 'anthropic-admin-api-key', description: 'Anthropic admin API key', regex: String.raw`\b(sk-ant-admin01-[0-9A-Za-z_-]{93}AA)\b`, keywords: ['sk-ant-admin01'] },
  { id: 'huggingface-access-token', description: 'Hugging Face access token', regex: String.raw`\b(hf_[A-Za-z]{34})\b`, keywords: ['hf_'] },
  { id: 'perplexity-api-key', description: 'Perplexity API key', regex: String.raw`\b(pplx-[0-9A-Za-z]{48})\b`, keywords: ['pplx-'] },
  { id: 'linear-api-key', description: 'Linear API key', regex: String.raw`\b(lin_api_[0-9A-Za-z]{40})\b`, keywords: ['lin_api_'] },
  // Structural secrets
  { id: 'private-key', description: 'PEM private key block', regex: String.raw`(?i)(-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----[\s\S]{32,}?-----END[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----)`, keywords: ['-----begin'] },
  { id: 'jwt', description: 'JSON Web Token', regex: String.raw`\b(eyJ[0-9A-Za-z_-]{10,}\.eyJ[0-9A-Za-z_-]{10,}\.[0-9A-Za-z_-]*)`, keywords: ['eyj'] },
  {
    id: 'curl-auth-header',
    description: 'Credential in a curl authorization header',
    regex: String.raw`(?i)\bcurl\b[^\n]{0,300}?(?:-H|--header)[ \t]{0,5}["']?(?:authorization|x-api-key|x-auth-token|private-token)[ \t]{0,5}:[ \t]{0,5}(?:(?:bearer|basic|token)[ \t]+)?([^\s"']{8,200})`,
    keywords: ['curl'],
    entropy: 2.5,
  },
  {
    id: 'curl-auth-user',
    description: 'User and password passed to curl -u',
    regex: String.raw`(?i)\bcurl\b[^\n]{0,300}?[ \t](?:-u|--user)[ \t]{0,5}["']?([^:\s"']{1,64}:[^\s"']{3,100})`,
    keywords: ['curl'],
    entropy: 2,
  },
  // Generic: a value assigned to a key that names a secret. Entropy keeps out words and ids.
  {
    id: 'generic-api-key',
    description: 'Generic secret assigned to a key such as api_key, secret, token, password',
    regex: String.raw`(?i)\b(?:api[_.-]?key|apikey|secret|token|passw(?:or)?d|pwd|credentials?|access[_.-]?key|auth[_.-]?key|client[_.-]?secret)[0-9a-z_.-]{0,20}["']?[ \t]{0,3}(?::=|=>|=|:)[ \t]{0,3}["']?([0-9a-z_./+=~-]{10,150})`,
    keywords: ['key', 'secret', 'token', 'passw', 'pwd', 'credential'],
    secretGroup: 1,
    entropy: 3.5,
  },
];

/** Number of rules in the project's default set (reported by describeSecretFilter). */
export const DEFAULT_RULE_COUNT = SPECS.length;

/** Fresh rule objects (callers may merge user changes into them). */
export function DEFAULT_RULES(): Rule[] {
  return SPECS.map((s) => ({
    id: s.id,
    description: s.description,
    regex: compileRegex(s.regex),
    secretGroup: s.secretGroup ?? 0,
    entropy: s.entropy ?? 0,
    keywords: s.keywords.map((k) => k.toLowerCase()),
    allowlists: [],
    required: [],
    skipReport: false,
    origin: 'default' as const,
  }));
}
