// HTTP: headers (`Authorization: Bearer …`, `X-Api-Key: …`, `Cookie: …`), URL query strings and
// the userinfo of a URL, as access logs and client debug output write them.
import fc from 'fast-check';
import { escaped, placed, type FuzzEntry } from './entry.ts';
import { percentEncode } from './encoders.ts';
import { fields, fieldsBeside } from './noise.ts';
import type { Context } from './types.ts';

export const httpHeader: Context = {
  id: 'http-header',
  title: 'HTTP header',
  accepts: () => true,
  arbitrary: (t) =>
    fc.tuple(t.arbitrary(), fc.constantFrom(...t.keys), fc.constantFrom('named', 'cookie'), fc.constantFrom('> ', 'request header ', ''), fc.boolean()).map(([sample, key, style, prefix, multi]): FuzzEntry => {
      // A type with a conventional header uses it; others travel as X-<Key> or in a cookie,
      // whose value is percent-encoded.
      let header: string;
      let secrets = [placed(sample)];
      if (t.header || style === 'named') header = `${t.header ?? `X-${key}`}: ${sample.value}`;
      else {
        header = `Cookie: theme=dark; ${key}=${percentEncode(sample.value)}`;
        secrets = escaped(secrets, percentEncode);
      }
      const line = multi ? `${prefix}POST /api/v1/orders HTTP/1.1\nHost: api.example.com\n${header}\nAccept: */*` : `${prefix}${header}`;
      return { type: t.id, context: 'http-header', line, secrets };
    }),
};

export const urlQuery: Context = {
  id: 'url-query',
  title: 'URL query string',
  accepts: () => true,
  arbitrary: (t) =>
    fc.tuple(t.arbitrary(), fc.constantFrom(...t.keys), fields, fc.constantFrom('GET', 'POST')).map(([sample, key, extra, method]): FuzzEntry => {
      const params = [`${key}=${percentEncode(sample.value)}`, ...fieldsBeside(extra, key).map(([k, v]) => `${k}=${percentEncode(v)}`)];
      return {
        type: t.id,
        context: 'url-query',
        line: `10.0.0.0 - - "${method} /api/v1/search?page=2&${params.join('&')} HTTP/1.1" 200 512`,
        secrets: escaped([placed(sample)], percentEncode),
      };
    }),
};

export const urlUserinfo: Context = {
  id: 'url-userinfo',
  title: 'URL userinfo (user:secret@host)',
  accepts: (t) => t.userinfo === true,
  arbitrary: (t) =>
    fc.tuple(t.arbitrary(), fc.constantFrom('https', 'postgresql', 'redis', 'amqp'), fc.constantFrom('app', 'deploy', 'x-access-token')).map(([sample, scheme, user]): FuzzEntry => ({
      type: t.id,
      context: 'url-userinfo',
      line: `level=info msg="dialing" url=${scheme}://${user}:${percentEncode(sample.value)}@backend.internal:8443/v1`,
      secrets: escaped([placed(sample)], percentEncode),
    })),
};
