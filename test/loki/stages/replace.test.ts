import { describe, expect, test } from 'vitest';
import { ConfigError } from '../../../src/config/errors.ts';
import { compileError, lineAfter, runOne, simulate, stage, entry } from '../helpers.ts';

describe('stage.replace', () => {
  test('an expression without a capture group matches but changes nothing', () => {
    const s = [stage('replace', { expression: '(?:AKIA|ASIA|AROA)[A-Z0-9]{16}', replace: 'AWS_KEY_REDACTED' })];
    expect(lineAfter(s, 'key=AKIAZZZZYYYYXXXXWWWW used')).toBe('key=AKIAZZZZYYYYXXXXWWWW used');
  });

  test('only the capture group is replaced, not the whole match', () => {
    const s = [stage('replace', { expression: 'token=(\\w+)', replace: 'XXX' })];
    expect(lineAfter(s, 'a token=abc123 b')).toBe('a token=XXX b');
  });

  test('${1} in replace is printed literally, not expanded', () => {
    const s = [stage('replace', { expression: '(user)=(\\w+)', replace: '${1}=REDACTED' })];
    expect(lineAfter(s, 'user=bob')).toBe('${1}=REDACTED=${1}=REDACTED');
  });

  test('every match in the line is replaced', () => {
    const s = [stage('replace', { expression: 'id=(\\d+)', replace: 'N' })];
    expect(lineAfter(s, 'id=1 id=22 id=333')).toBe('id=N id=N id=N');
  });

  test('a group nested inside a replaced group is skipped', () => {
    const s = [stage('replace', { expression: '((ab)c)', replace: '<X>' })];
    expect(lineAfter(s, 'zabcz')).toBe('z<X>z');
  });

  test('a non-participating group is ignored', () => {
    const s = [stage('replace', { expression: '(a)|(b)', replace: '_' })];
    expect(lineAfter(s, 'xaybz')).toBe('x_y_z');
  });

  test('an empty capture group inserts the replacement at its position', () => {
    const s = [stage('replace', { expression: 'k=()v', replace: 'NEW' })];
    expect(lineAfter(s, 'k=v')).toBe('k=NEWv');
  });

  test('an empty replace deletes the group text', () => {
    const s = [stage('replace', { expression: 'secret=(\\S+)' })];
    expect(lineAfter(s, 'secret=hunter2 ok')).toBe('secret= ok');
  });

  test('no match leaves the line untouched', () => {
    const s = [stage('replace', { expression: 'nomatch(\\d)', replace: 'X' })];
    expect(lineAfter(s, 'plain line')).toBe('plain line');
  });

  test('with source the extracted value is rewritten and the line is left alone', () => {
    const s = [stage('replace', { expression: '(\\d{3})', source: 'pin', replace: '***' })];
    const e = runOne(s, 'pin 123 in line', { pin: 'code 456' });
    expect(e.line).toBe('pin 123 in line');
    expect(e.extracted.get('pin')).toBe('code ***');
  });

  test('with a source key that is absent nothing changes', () => {
    const s = [stage('replace', { expression: '(\\d+)', source: 'missing', replace: 'X' })];
    const e = runOne(s, 'n=42');
    expect(e.line).toBe('n=42');
    expect(e.extracted.has('missing')).toBe(false);
  });

  test('a named group stores the replaced text of its first match in extracted', () => {
    const s = [stage('replace', { expression: 'user=(?P<user>\\w+)', replace: 'anon' })];
    const e = runOne(s, 'user=alice user=bob');
    expect(e.line).toBe('user=anon user=anon');
    expect(e.extracted.get('user')).toBe('anon');
  });

  test('labels are visible in extracted before the stage runs', () => {
    const s = [stage('replace', { expression: '(x)', replace: 'y' })];
    const e = runOne(s, 'x', { app: 'api' });
    expect(e.extracted.get('app')).toBe('api');
  });

  test('the caller entry is not mutated', () => {
    const sim = simulate([stage('replace', { expression: '(x)', replace: 'y' })]);
    const input = entry('x');
    sim.process(input);
    expect(input.line).toBe('x');
  });

  test('an empty expression is refused with Alloy message', () => {
    expect(compileError([stage('replace', { expression: '', replace: 'x' })])).toBe('invalid stage config expression is required');
  });

  test('a missing expression attribute is refused', () => {
    expect(compileError([stage('replace', { replace: 'x' })])).toBe('missing required attribute "expression"');
  });

  test('an expression Go cannot compile is refused with Go reason', () => {
    const msg = compileError([stage('replace', { expression: '(?=x)', replace: 'x' })]);
    expect(msg).toBe('invalid stage config could not compile regular expression: error parsing regexp: invalid or unsupported Perl syntax: `(?=`');
  });

  test('the config error points at the offending attribute', () => {
    const b = stage('replace', { expression: '(' });
    try {
      simulate([b]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).range).toBe(b.attributes.get('expression')!.range);
    }
  });

  test('an unknown attribute name is refused', () => {
    expect(compileError([stage('replace', { expression: '(a)', replacement: 'x' })])).toBe('unrecognized attribute name "replacement"');
  });
});

describe('stage.replace templates', () => {
  test('.Value is the captured group text', () => {
    expect(lineAfter([stage('replace', { expression: 'user=(\\w+)', replace: '{{ .Value | ToUpper }}' })], 'user=ann')).toBe('user=ANN');
  });

  test('extracted values are visible to the template', () => {
    const s = [stage('replace', { expression: 'id=(\\d+)', replace: '{{ .app }}-{{ .Value }}' })];
    expect(lineAfter(s, 'id=7', { app: 'web' })).toBe('id=web-7');
  });

  test('a missing key prints <no value>', () => {
    expect(lineAfter([stage('replace', { expression: 'id=(\\d+)', replace: '{{ .nope }}' })], 'id=7')).toBe('id=<no value>');
  });

  test('Hash hashes salt and value with SHA3-256', () => {
    const out = lineAfter([stage('replace', { expression: 'ip=(\\S+)', replace: '{{ Hash "salt" .Value }}' })], 'ip=10.0.0.1');
    expect(out).toMatch(/^ip=[0-9a-f]{64}$/);
  });

  test('a template with an unknown function is refused', () => {
    expect(compileError([stage('replace', { expression: '(a)', replace: '{{ Foo .Value }}' })])).toBe(
      'invalid stage config failed to compile template: template: pipeline_template:1: function "Foo" not defined',
    );
  });

  test('a non-deterministic function marks the entry unknown', () => {
    const e = runOne([stage('replace', { expression: 'ts=(\\S+)', replace: '{{ now }}' })], 'ts=1');
    expect(e.unknown).toHaveLength(1);
    expect(e.unknown[0]!.message).toContain('now');
  });

  test('a template that fails at run time leaves the line unchanged', () => {
    expect(lineAfter([stage('replace', { expression: 'n=(\\d+)', replace: '{{ index .Value 99 }}' })], 'n=1')).toBe('n=1');
  });
});

describe('stage.replace argument types', () => {
  test('a number where a string is expected is converted, as Alloy does', () => {
    expect(lineAfter([stage('replace', { expression: '(\\d+)', replace: 0 })], 'pin 1234')).toBe('pin 0');
  });

  test('a bool where a string is expected is refused with Alloy type error', () => {
    expect(compileError([stage('replace', { expression: '(a)', replace: true })])).toBe('expected string, got bool');
  });
});
