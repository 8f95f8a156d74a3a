// Public API of the fuzzer: generators (fast-check Arbitraries) for users' own property tests,
// the leak property, and the fuzz run behind `alloy-scrub fuzz`. In a user's vitest suite:
//
//   test.prop([fuzzEntries({ secrets: ['bearer-token'], contexts: ['http-header'] })])('no bearer token leaks', (e) => {
//     for (const out of processLogs(model, 'loki.process.scrub', [e.line])) expect(secretSurvives(e, out.line)).toBe(false);
//   });
export type { SecretSample, SecretType, SecretKind } from './secrets/types.ts';
export { SECRET_TYPES, secretType } from './secrets/catalog.ts';
export { password, apiKey } from './secrets/passwords.ts';
export { awsAccessKeyId, awsSecretAccessKey, githubToken, gitlabToken, slackToken, stripeKey, googleApiKey } from './secrets/vendor-tokens.ts';
export { jwt, pemPrivateKey } from './secrets/structured.ts';
export { databaseUrl, basicAuthUrl, bearerToken, basicAuthHeader } from './secrets/urls-and-auth.ts';
export { email, ipv4, ipv6, phoneNumber, usSsn, paymentCard, iban, luhnCheckDigit, ibanCheckDigits } from './secrets/pii.ts';
export type { Context } from './contexts/types.ts';
export type { FuzzEntry, PlacedSecret } from './contexts/entry.ts';
export { CONTEXTS, context } from './contexts/catalog.ts';
export { cleanLine, CLEAN } from './clean-lines.ts';
export { needles, leakIn, DEFAULT_MIN_FRAGMENT, type LeakSite } from './leak.ts';
export { judge, changedClean, type Verdict, type JudgeOptions } from './judge.ts';
export { fuzzLogPath, replay, selectCells, DEFAULT_RUNS, FUZZ_TIME_NS, type FuzzOptions, type FuzzReport, type FuzzLeak, type CellCoverage, type ReplayResult, type Cell } from './engine.ts';
export { cellSeed } from './seed.ts';
export { fuzzEntries, secretSurvives, type EntrySelection } from './user-api.ts';
export { fuzzReportJson } from './report-json.ts';
export { fuzzReportPretty } from './report-pretty.ts';
