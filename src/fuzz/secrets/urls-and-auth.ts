// Credentials carried by URLs and HTTP authorization: database connection strings and basic-auth
// URLs (the password in the userinfo is the secret), `Bearer` tokens and `Basic` credentials.
import fc, { type Arbitrary } from 'fast-check';
import { ALNUM, BASE64URL, LOWER, body } from './chars.ts';
import type { SecretSample } from './types.ts';

/** Userinfo passwords: characters a URL carries unescaped (unreserved and a few sub-delims; no
 * `*`, whose runs are masks). */
const URL_PASSWORD = ALNUM + '-._~!$';
const USERS = ['app', 'admin', 'svc_orders', 'deploy', 'ci', ''];
const HOSTS = ['db.internal', 'db-1.prod.example.com', '10.20.30.40', 'cluster0.ab1cd.mongodb.net', 'cache'];

function urlPassword(): Arbitrary<string> {
  return fc.tuple(fc.integer({ min: 10, max: 24 }), body(URL_PASSWORD, 24), fc.constantFrom('K9', 'x7', 'Q2')).map(([n, b, mix]) => mix + b.slice(0, n - 2));
}

export function databaseUrl(): Arbitrary<SecretSample> {
  return fc
    .tuple(
      fc.constantFrom('postgresql', 'postgres', 'mysql', 'mongodb', 'mongodb+srv', 'redis', 'amqp'),
      fc.constantFrom(...USERS),
      urlPassword(),
      fc.constantFrom(...HOSTS),
      fc.constantFrom('', ':5432', ':3306', ':6379'),
      fc.constantFrom('/prod', '/orders?sslmode=require', '/0', '/admin?retryWrites=true', ''),
    )
    .map(([scheme, user, pw, host, port, path]) => ({ type: 'database-url', value: `${scheme}://${user}:${pw}@${host}${port}${path}`, secret: pw }));
}

export function basicAuthUrl(): Arbitrary<SecretSample> {
  return fc
    .tuple(fc.constantFrom('https', 'http'), fc.constantFrom('bot', 'jenkins', 'deploy'), urlPassword(), fc.constantFrom('git.example.org/team/repo.git', 'registry.example.com/v2/', 'hooks.example.net/notify'))
    .map(([scheme, user, pw, rest]) => ({ type: 'basic-auth-url', value: `${scheme}://${user}:${pw}@${rest}`, secret: pw }));
}

export function bearerToken(): Arbitrary<SecretSample> {
  return fc
    .tuple(fc.constantFrom('Bearer', 'bearer', 'BEARER'), fc.integer({ min: 20, max: 64 }), body(BASE64URL + '.~', 64), fc.constantFrom('7', 'x9', 'Q3.'))
    .map(([scheme, n, b, mix]) => {
      const token = mix + b.slice(0, n);
      // A token68 may not end in a full stop (the detector trims it as punctuation).
      const tok = token.endsWith('.') ? token + 'Z' : token;
      return { type: 'bearer-token', value: `${scheme} ${tok}`, secret: tok };
    });
}

export function basicAuthHeader(): Arbitrary<SecretSample> {
  return fc
    .tuple(fc.constantFrom('Basic', 'basic'), fc.constantFrom('deploy', 'admin', 'grafana'), body(ALNUM + '!-_.@', 16), body(LOWER, 2))
    .map(([scheme, user, pw, tail]) => {
      const cred = Buffer.from(`${user}:${pw}${tail}`, 'latin1').toString('base64');
      return { type: 'basic-auth', value: `${scheme} ${cred}`, secret: cred };
    });
}
