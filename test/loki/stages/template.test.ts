import { describe, expect, test } from 'vitest';
import { compileError, runOne, stage } from '../helpers.ts';

describe('stage.template', () => {
  test('a plain-text template stores its text under source', () => {
    expect(runOne([stage('template', { source: 'tag', template: 'fixed' })], 'l').extracted.get('tag')).toBe('fixed');
  });

  test('an empty result deletes the key', () => {
    expect(runOne([stage('template', { source: 'app', template: '' })], 'l', { app: 'x' }).extracted.has('app')).toBe(false);
  });

  test('an empty source is refused at decode time', () => {
    expect(compileError([stage('template', { source: '', template: 'x' })])).toBe('template source value is required');
  });
});

describe('stage.template rendering', () => {
  test('.Value is the current value of source', () => {
    expect(runOne([stage('template', { source: 'app', template: '{{ .Value | ToUpper }}' })], 'l', { app: 'web' }).extracted.get('app')).toBe('WEB');
  });

  test('.Entry is the line', () => {
    expect(runOne([stage('template', { source: 'copy', template: '{{ .Entry }}' })], 'the line').extracted.get('copy')).toBe('the line');
  });

  test('a template with an unknown function is refused at decode time', () => {
    expect(compileError([stage('template', { source: 'a', template: '{{ Nope }}' })])).toBe(
      'template: pipeline_template:1: function "Nope" not defined',
    );
  });
});
