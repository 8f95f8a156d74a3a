// Every secret type the fuzzer generates, with the detector that must recognise it, the key names
// logs carry it under, and a probe line for the detector property test.
import { jsonEscape } from '../contexts/encoders.ts';
import { apiKey, password } from './passwords.ts';
import { basicAuthHeader, basicAuthUrl, bearerToken, databaseUrl } from './urls-and-auth.ts';
import { email, iban, ipv4, ipv6, paymentCard, phoneNumber, usSsn } from './pii.ts';
import { jwt, pemPrivateKey } from './structured.ts';
import { awsAccessKeyId, awsSecretAccessKey, githubToken, gitlabToken, googleApiKey, slackToken, stripeKey } from './vendor-tokens.ts';
import type { SecretSample, SecretType } from './types.ts';

const spaced = (s: SecretSample): string => `seen ${s.value} here`;
const jsonKeyed = (key: string) => (s: SecretSample): string => `{"${key}":"${jsonEscape(s.value)}"}`;

export const SECRET_TYPES: readonly SecretType[] = [
  {
    id: 'password', title: 'password', kind: 'credential', detector: 'secret-assignment', selfEvident: false, userinfo: true,
    keys: ['password', 'Password', 'PASSWORD', 'db_password', 'passwd', 'pwd', 'userPassword', 'DB_PASS', 'admin-password'],
    arbitrary: password, probe: jsonKeyed('password'),
  },
  {
    id: 'api-key', title: 'API key', kind: 'credential', detector: 'secret-assignment', selfEvident: false, header: 'X-Api-Key', userinfo: true,
    keys: ['apiKey', 'api-key', 'x-api-key', 'api_key', 'API_KEY', 'ApiKey', 'client_secret'],
    arbitrary: apiKey, probe: jsonKeyed('api_key'),
  },
  {
    id: 'aws-access-key-id', title: 'AWS access key id', kind: 'credential', detector: 'aws-access-key-id', selfEvident: true,
    keys: ['aws_access_key_id', 'AccessKeyId', 'accessKeyId', 'AWS_ACCESS_KEY_ID', 'key_id'],
    arbitrary: awsAccessKeyId, probe: spaced,
  },
  {
    id: 'aws-secret-access-key', title: 'AWS secret access key', kind: 'credential', detector: 'aws-secret-access-key', selfEvident: false, userinfo: true,
    keys: ['aws_secret_access_key', 'SecretAccessKey', 'secretAccessKey', 'AWS_SECRET_ACCESS_KEY', 'aws_secret_key'],
    arbitrary: awsSecretAccessKey, probe: (s) => `aws_secret_access_key=${s.value}`,
  },
  {
    id: 'github-token', title: 'GitHub token', kind: 'credential', detector: 'github-token', selfEvident: true, userinfo: true,
    keys: ['token', 'GITHUB_TOKEN', 'gh_token', 'access_token', 'accessToken'],
    arbitrary: githubToken, probe: spaced,
  },
  {
    id: 'gitlab-token', title: 'GitLab token', kind: 'credential', detector: 'gitlab-token', selfEvident: true, header: 'PRIVATE-TOKEN', userinfo: true,
    keys: ['token', 'private_token', 'GITLAB_TOKEN', 'access_token'],
    arbitrary: gitlabToken, probe: spaced,
  },
  {
    id: 'slack-token', title: 'Slack token', kind: 'credential', detector: 'slack-token', selfEvident: true,
    keys: ['token', 'slack_token', 'SLACK_BOT_TOKEN', 'botToken'],
    arbitrary: slackToken, probe: spaced,
  },
  {
    id: 'stripe-key', title: 'Stripe secret key', kind: 'credential', detector: 'stripe-key', selfEvident: true, userinfo: true,
    keys: ['stripe_key', 'STRIPE_SECRET_KEY', 'secretKey', 'api_key'],
    arbitrary: stripeKey, probe: spaced,
  },
  {
    id: 'google-api-key', title: 'Google API key', kind: 'credential', detector: 'google-api-key', selfEvident: true, header: 'X-Goog-Api-Key',
    keys: ['key', 'apiKey', 'google_api_key', 'GOOGLE_API_KEY'],
    arbitrary: googleApiKey, probe: spaced,
  },
  {
    id: 'jwt', title: 'JSON Web Token', kind: 'credential', detector: 'jwt', selfEvident: true,
    keys: ['id_token', 'jwt', 'access_token', 'refreshToken', 'session'],
    arbitrary: jwt, probe: spaced,
  },
  {
    id: 'pem-private-key', title: 'PEM private key', kind: 'credential', detector: 'pem-private-key', selfEvident: true,
    keys: ['private_key', 'key', 'tls_key', 'privateKey', 'ssh_key'],
    arbitrary: pemPrivateKey, probe: (s) => s.value,
  },
  {
    id: 'database-url', title: 'database URL with password', kind: 'credential', detector: 'url-credentials', selfEvident: true,
    keys: ['dsn', 'database_url', 'DATABASE_URL', 'url', 'connection_string', 'redisUrl'],
    arbitrary: databaseUrl, probe: spaced,
  },
  {
    id: 'basic-auth-url', title: 'URL with basic-auth credentials', kind: 'credential', detector: 'url-credentials', selfEvident: true,
    keys: ['url', 'remote', 'endpoint', 'webhook_url'],
    arbitrary: basicAuthUrl, probe: spaced,
  },
  {
    id: 'bearer-token', title: 'Bearer token', kind: 'credential', detector: 'bearer-token', selfEvident: true, header: 'Authorization',
    keys: ['authorization', 'Authorization', 'auth', 'authHeader'],
    arbitrary: bearerToken, probe: (s) => `Authorization: ${s.value}`,
  },
  {
    id: 'basic-auth', title: 'HTTP Basic credentials', kind: 'credential', detector: 'basic-auth-header', selfEvident: true, header: 'Authorization',
    keys: ['authorization', 'Authorization', 'proxy_authorization'],
    arbitrary: basicAuthHeader, probe: (s) => `Authorization: ${s.value}`,
  },
  { id: 'email', title: 'email address', kind: 'pii', detector: 'email', selfEvident: true, keys: ['email', 'user', 'from', 'userEmail', 'recipient'], arbitrary: email, probe: spaced },
  { id: 'ipv4', title: 'IPv4 address', kind: 'pii', detector: 'ipv4', selfEvident: true, keys: ['client_ip', 'remote_addr', 'ip', 'src', 'X-Forwarded-For'], header: 'X-Forwarded-For', arbitrary: ipv4, probe: spaced },
  { id: 'ipv6', title: 'IPv6 address', kind: 'pii', detector: 'ipv6', selfEvident: true, keys: ['client_ip', 'remote_addr', 'ip', 'peer'], header: 'X-Real-IP', arbitrary: ipv6, probe: spaced },
  { id: 'payment-card', title: 'payment card number', kind: 'pii', detector: 'payment-card', selfEvident: true, keys: ['card', 'card_number', 'pan', 'ccNumber'], arbitrary: paymentCard, probe: spaced },
  { id: 'phone', title: 'phone number', kind: 'pii', detector: 'phone', selfEvident: true, keys: ['phone', 'tel', 'mobile', 'phoneNumber'], arbitrary: phoneNumber, probe: spaced },
  { id: 'us-ssn', title: 'US social security number', kind: 'pii', detector: 'us-ssn', selfEvident: true, keys: ['ssn', 'social_security_number', 'SSN'], arbitrary: usSsn, probe: spaced },
  { id: 'iban', title: 'IBAN', kind: 'pii', detector: 'iban', selfEvident: true, keys: ['iban', 'account', 'IBAN', 'payee_iban'], arbitrary: iban, probe: spaced },
];

export function secretType(id: string): SecretType | undefined {
  return SECRET_TYPES.find((t) => t.id === id);
}
