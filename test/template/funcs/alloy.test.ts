import { describe, expect, test } from 'vitest';
import { alloyHash, alloySha2Hash, alloyTemplateFuncs } from '../../../src/template/index.ts';
import { data, render, renderError } from '../support/run.ts';

describe("Alloy's template functions", () => {
  test('Hash is SHA3-256 hex of salt followed by input (FIPS 202 vector for "abc")', () => {
    expect(alloyHash('a', 'bc')).toBe('3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532');
  });

  test('Hash of two empty strings is SHA3-256 of the empty message', () => {
    expect(render('{{ Hash "" "" }}')).toBe('a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a');
  });

  test('Hash takes the salt first, so a piped value is the input', () => {
    expect(render('{{ .Value | Hash "a" }}', data({ Value: 'bc' }))).toBe(alloyHash('a', 'bc'));
  });

  test('Hash hashes the UTF-8 bytes', () => {
    expect(alloyHash('', 'é')).not.toBe(alloyHash('', 'e'));
  });

  test('Sha2Hash is SHA-256 hex of salt followed by input (FIPS 180 vector for "abc")', () => {
    expect(alloySha2Hash('ab', 'c')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  test('Hash needs exactly two arguments', () => {
    expect(renderError('{{ Hash "x" }}')).toContain('wrong number of args for Hash: want 2 got 1');
  });

  test('ToLower and ToUpper map runes', () => {
    expect(render('{{ ToLower "ÀBC" }} {{ ToUpper "àbc" }}')).toBe('àbc ÀBC');
  });

  test('ToUpper keeps ß as Go does (no one-to-many mapping)', () => {
    expect(render('{{ ToUpper "straße" }}')).toBe('STRAßE');
  });

  test('Replace takes a count; -1 replaces all', () => {
    expect(render('{{ Replace "aaa" "a" "b" 2 }} {{ Replace "aaa" "a" "b" -1 }}')).toBe('bba bbb');
  });

  test('Replace with an empty old string inserts around runes', () => {
    expect(render('{{ Replace "ab" "" "-" -1 }}')).toBe('-a-b-');
  });

  test('Trim, TrimLeft and TrimRight remove cutset runes', () => {
    expect(render('{{ Trim "xxhixx" "x" }}|{{ TrimLeft "xxhi" "x" }}|{{ TrimRight "hixx" "x" }}')).toBe('hi|hi|hi');
  });

  test('TrimPrefix and TrimSuffix remove one affix', () => {
    expect(render('{{ TrimPrefix "prepre-x" "pre" }}|{{ TrimSuffix "a.log.log" ".log" }}')).toBe('pre-x|a.log');
  });

  test('TrimSpace removes Unicode white space', () => {
    expect(render('{{ TrimSpace "\\u00a0\\t x \\n" }}')).toBe('x');
  });

  test('regexReplaceAll expands $1 with Go semantics', () => {
    expect(render('{{ regexReplaceAll "(\\\\w+)@(\\\\w+)" "a@b" "${2}.$1" }}')).toBe('b.a');
  });

  test('regexReplaceAll treats $1x as the group named "1x"', () => {
    expect(render('{{ regexReplaceAll "(a)" "a" "$1x" }}')).toBe('');
  });

  test('regexReplaceAllLiteral does not expand', () => {
    expect(render('{{ regexReplaceAllLiteral "a" "banana" "$1" }}')).toBe('b$1n$1n$1');
  });

  test('an invalid regex is reported as the recovered MustCompile panic', () => {
    expect(renderError('{{ regexReplaceAll "(" "x" "y" }}')).toBe(
      'template: pipeline_template:1:3: executing "pipeline_template" at <regexReplaceAll "(" "x" "y">: error calling regexReplaceAll: regexp: Compile(`(`): error parsing regexp: missing closing ): `(`',
    );
  });

  test("Alloy's functions are present in the merged map", () => {
    const names = ['ToLower', 'ToUpper', 'Replace', 'Trim', 'TrimLeft', 'TrimRight', 'TrimPrefix', 'TrimSuffix', 'TrimSpace', 'Hash', 'Sha2Hash', 'regexReplaceAll', 'regexReplaceAllLiteral'];
    expect(names.filter((n) => !(n in alloyTemplateFuncs()))).toEqual([]);
  });

  test('map functions are callable from JavaScript with plain values', () => {
    expect(alloyTemplateFuncs().ToUpper!('abc')).toBe('ABC');
  });
});
