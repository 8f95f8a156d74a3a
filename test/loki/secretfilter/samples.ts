// One sample credential per rule of the project's default set, in the provider's public format,
// and the log line it is shown in. Values are generated, not real.

/** Deterministic filler from an alphabet (a small LCG), so samples are stable and varied. */
function fill(alphabet: string, n: number, seed = 7): string {
  let x = seed;
  let out = '';
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += alphabet[x % alphabet.length];
  }
  return out;
}
const HEX = '0123456789abcdef';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const LOWNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const B64URL = ALNUM + '_-';
const B64 = ALNUM + '+/';

/** One credential per default rule, in the provider's public format. */
export const SAMPLES: Record<string, string> = {
  'aws-access-token': 'AKIA' + fill(UPNUM, 16),
  'gcp-api-key': 'AIza' + fill(B64URL, 35),
  'azure-ad-client-secret': 'a1b8Q~' + fill(ALNUM + '_~.-', 32),
  'digitalocean-pat': 'dop_v1_' + fill(HEX, 64),
  'digitalocean-access-token': 'doo_v1_' + fill(HEX, 64),
  'digitalocean-refresh-token': 'dor_v1_' + fill(HEX, 64),
  'flyio-access-token': 'fo1_' + fill(B64URL, 43),
  'heroku-api-key-v2': 'HRKU-AA' + fill(B64URL, 58),
  'github-pat': 'ghp_' + fill(ALNUM, 36),
  'github-oauth': 'gho_' + fill(ALNUM, 36),
  'github-app-token': 'ghs_' + fill(ALNUM, 36),
  'github-refresh-token': 'ghr_' + fill(ALNUM, 36),
  'github-fine-grained-pat': 'github_pat_' + fill(ALNUM, 22) + '_' + fill(ALNUM, 59, 3),
  'gitlab-pat': 'glpat-' + fill(B64URL, 20),
  'gitlab-deploy-token': 'gldt-' + fill(B64URL, 20),
  'gitlab-runner-authentication-token': 'glrt-' + fill(B64URL, 20),
  'gitlab-ptt': 'glptt-' + fill(HEX, 40),
  'gitlab-feed-token': 'glft-' + fill(B64URL, 20),
  'gitlab-cicd-job-token': 'glcbt-a1_' + fill(ALNUM, 20),
  'npm-access-token': 'npm_' + fill(ALNUM, 36),
  'pypi-upload-token': 'pypi-AgEIcHlwaS5vcmc' + fill(B64URL, 60),
  'rubygems-api-token': 'rubygems_' + fill(HEX, 48),
  'clojars-api-token': 'CLOJARS_' + fill(LOWNUM, 60),
  'atlassian-api-token': 'ATATT3' + fill(ALNUM, 186),
  'slack-bot-token': 'xoxb-1234567890-1234567890123-' + fill(ALNUM, 24),
  'slack-user-token': 'xoxp-1234567890-1234567890-1234567890-' + fill(ALNUM, 32),
  'slack-app-token': 'xapp-1-A0123BCDEFG-1234567890123-' + fill(HEX, 64),
  'slack-legacy-token': 'xoxs-1234-5678-9012-abcdef12',
  'slack-webhook-url': 'https://hooks.slack.com/services/T0A1B2C3D/B4E5F6G7H/' + fill(ALNUM, 24),
  'sendgrid-api-token': 'SG.' + fill(B64URL, 22) + '.' + fill(B64URL, 43, 5),
  'sendinblue-api-token': 'xkeysib-' + fill(HEX, 64) + '-' + fill(ALNUM, 16),
  'mailchimp-api-key': fill(HEX, 32) + '-us12',
  'mailgun-private-api-token': 'key-' + fill(HEX, 32),
  'twilio-api-key': 'SK' + fill(HEX, 32),
  'stripe-access-token': 'sk_live_' + fill(ALNUM, 24),
  'square-access-token': 'sq0atp-' + fill(B64URL, 22),
  'shopify-access-token': 'shpat_' + fill(HEX, 32),
  'shopify-custom-access-token': 'shpca_' + fill(HEX, 32),
  'shopify-private-app-access-token': 'shppa_' + fill(HEX, 32),
  'shopify-shared-secret': 'shpss_' + fill(HEX, 32),
  'shippo-api-token': 'shippo_live_' + fill(HEX, 40),
  'grafana-api-key': 'eyJrIjoi' + fill(ALNUM, 72),
  'grafana-cloud-api-token': 'glc_' + fill(B64, 40),
  'grafana-service-account-token': 'glsa_' + fill(ALNUM, 32) + '_' + fill(HEX, 8),
  'sentry-user-token': 'sntryu_' + fill(HEX, 64),
  'sentry-org-token': 'sntrys_eyJ' + fill(B64URL, 60),
  'new-relic-user-api-key': 'NRAK-' + fill(UPNUM, 27),
  'dynatrace-api-token': 'dt0c01.' + fill(ALNUM, 24) + '.' + fill(ALNUM, 64, 9),
  'databricks-api-token': 'dapi' + fill(HEX, 32),
  'hashicorp-tf-api-token': fill(LOWNUM, 14) + '.atlasv1.' + fill(LOWNUM + '_-', 65),
  'vault-service-token': 'hvs.' + fill(B64URL, 100),
  'vault-batch-token': 'hvb.' + fill(B64URL, 150),
  'doppler-api-token': 'dp.pt.' + fill(ALNUM, 43),
  'pulumi-api-token': 'pul-' + fill(HEX, 40),
  'postman-api-token': 'PMAK-' + fill(HEX, 24) + '-' + fill(HEX, 34, 11),
  'planetscale-password': 'pscale_pw_' + fill(ALNUM, 40),
  'planetscale-api-token': 'pscale_tkn_' + fill(ALNUM, 40),
  'openshift-user-token': 'sha256~' + fill(B64URL, 43),
  '1password-service-account-token': 'ops_eyJ' + fill(B64, 260),
  'age-secret-key': 'AGE-SECRET-KEY-1' + fill('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58),
  'openai-api-key': 'sk-proj-' + fill(ALNUM, 30) + 'T3BlbkFJ' + fill(ALNUM, 30, 13),
  'anthropic-api-key': 'sk-ant-api03-' + fill(B64URL, 93) + 'AA',
  'anthropic-admin-api-key': 'sk-ant-admin01-' + fill(B64URL, 93) + 'AA',
  'huggingface-access-token': 'hf_' + fill('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', 34),
  'perplexity-api-key': 'pplx-' + fill(ALNUM, 48),
  'linear-api-key': 'lin_api_' + fill(ALNUM, 40),
  'private-key': '-----BEGIN RSA PRIVATE KEY-----\\n' + fill(B64, 64) + '\\n-----END RSA PRIVATE KEY-----',
  jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.' + fill(B64URL, 43),
  'curl-auth-header': fill(ALNUM, 30),
  'curl-auth-user': 'admin:S3cr3tPw!x',
  'generic-api-key': 'Zx9Qw8Er7Ty6Ui5Op4',
};

/** The line each sample appears in (most are `secret=<sample> end`). */
export function lineFor(id: string, sample: string): string {
  if (id === 'curl-auth-header') return `curl -H "Authorization: Bearer ${sample}" https://api.example.com`;
  if (id === 'curl-auth-user') return `curl -u ${sample} https://api.example.com`;
  if (id === 'generic-api-key') return `api_key=${sample} end`;
  return `msg="calling api" credential ${sample} end`;
}

