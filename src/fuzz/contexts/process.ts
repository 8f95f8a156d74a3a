// What processes print about themselves: command lines (`--password=…`, `--token …`, `-p…`) and
// stack traces (Java and Python), which carry the failing call's arguments over several lines.
import fc from 'fast-check';
import { escaped, placed, type FuzzEntry } from './entry.ts';
import { jsonEscape, shellSafe, shellSingleQuoteEscape } from './encoders.ts';
import type { Context } from './types.ts';

/** `db_password` / `apiKey` as a flag: `db-password`, `api-key`. */
function flagName(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/_/g, '-')
    .toLowerCase();
}

export const commandLine: Context = {
  id: 'cmdline',
  title: 'command line',
  accepts: () => true,
  arbitrary: (t) =>
    fc.tuple(t.arbitrary(), fc.constantFrom(...t.keys), fc.constantFrom('eq', 'space', 'short'), fc.constantFrom('/usr/local/bin/app', 'python3 manage.py migrate', 'java -jar svc.jar')).map(([sample, key, style, cmd]): FuzzEntry => {
      const safe = shellSafe(sample.value);
      const word = safe ? sample.value : `'${shellSingleQuoteEscape(sample.value)}'`;
      const secrets = safe ? [placed(sample)] : escaped([placed(sample)], shellSingleQuoteEscape);
      // Short flags: mysql takes its password glued to -p, registry logins take `-p <password>`;
      // other tools and other secrets take long flags.
      const args =
        style === 'short' && t.id === 'password'
          ? cmd.startsWith('/')
            ? `docker login -u ci -p ${word} registry.example.com`
            : `mysql -h db.internal -u app -p${word} orders`
          : style === 'space'
            ? `${cmd} --${flagName(key)} ${word} --verbose`
            : `${cmd} --${flagName(key)}=${word} --verbose`;
      return { type: t.id, context: 'cmdline', line: `exec: ${args}`, secrets };
    }),
};

export const stackTrace: Context = {
  id: 'stack-trace',
  title: 'stack trace',
  accepts: () => true,
  arbitrary: (t) =>
    fc.tuple(t.arbitrary(), fc.constantFrom(...t.keys), fc.constantFrom('java', 'python')).map(([sample, key, lang]): FuzzEntry => {
      if (lang === 'java') {
        return {
          type: t.id,
          context: 'stack-trace',
          line: `java.lang.IllegalStateException: cannot open session with ${key}=${sample.value}\n\tat com.example.db.Pool.connect(Pool.java:88)\n\tat com.example.Main.main(Main.java:12)`,
          secrets: [placed(sample)],
        };
      }
      return {
        type: t.id,
        context: 'stack-trace',
        line: `Traceback (most recent call last):\n  File "/app/main.py", line 42, in connect\n    client = Client(${key.replace(/-/g, '_')}="${jsonEscape(sample.value)}")\nValueError: authentication failed`,
        secrets: escaped([placed(sample)], jsonEscape),
      };
    }),
};
