import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { splitBlocker } from '../../src/parallel/eligibility.ts';

const WRITE = 'loki.write "out" {\n  endpoint {\n    url = "http://loki:3100/loki/api/v1/push"\n  }\n}\n';

/** The blocker of a loki.process "p" with these stages, forwarding to loki.write "out". */
function blockerOfStages(stages: string, forwardTo = '[loki.write.out.receiver]'): string | null {
  const model = loadConfig(`loki.process "p" {\n${stages}\n  forward_to = ${forwardTo}\n}\n${WRITE}`, 'p.alloy', { env: {} });
  return splitBlocker(model, 'loki.process.p');
}

describe('splitBlocker', () => {
  it('lets a pipeline of per-line stages be split', () => {
    const stages = [
      'stage.replace {\n expression = `a(b)`\n replace = "x"\n}',
      'stage.drop {\n expression = "DEBUG"\n}',
      'stage.json {\n expressions = { msg = "" }\n}',
      'stage.labels {\n values = { msg = "" }\n}',
      'stage.luhn { }',
      'stage.match {\n selector = "{app=\\"a\\"}"\n stage.replace {\n expression = `(c)`\n replace = "y"\n }\n}',
    ].join('\n');
    expect(blockerOfStages(stages)).toBeNull();
  });

  it.each([
    ['stage.multiline', 'stage.multiline {\n firstline = "^x"\n}', 'joins lines into blocks'],
    ['stage.cri', 'stage.cri { }', 'joins partial lines'],
    ['stage.limit', 'stage.limit {\n rate = 1\n burst = 1\n}', 'counts entries'],
    ['stage.sampling', 'stage.sampling {\n rate = 0.5\n}', 'random sequence'],
  ])('keeps a pipeline with %s on one thread', (_, stage, why) => {
    expect(blockerOfStages(stage)).toMatch(why);
  });

  it('keeps a pipeline on one thread when a stateful stage is nested in stage.match', () => {
    expect(blockerOfStages('stage.match {\n selector = "{app=\\"a\\"}"\n stage.multiline {\n firstline = "^x"\n }\n}')).toMatch(/stage.multiline at p.alloy:\d+:\d+ joins lines/);
  });

  it('keeps stage.timestamp on one thread while it fudges times from the previous entry', () => {
    expect(blockerOfStages('stage.timestamp {\n source = "t"\n format = "RFC3339"\n}')).toMatch('fudge');
  });

  it('lets stage.timestamp be split when it neither fudges failures nor duplicates', () => {
    expect(blockerOfStages('stage.timestamp {\n source = "t"\n format = "RFC3339"\n action_on_failure = "skip"\n action_on_duplicate_timestamp = "keep"\n}')).toBeNull();
  });

  it('keeps a stage that is not simulated on one thread', () => {
    expect(blockerOfStages('stage.geoip {\n source = "ip"\n db = "/x.mmdb"\n}')).toMatch('stage.geoip at p.alloy:2:1 is not simulated');
  });

  it('follows forward_to: a stateful stage further down the path keeps it on one thread', () => {
    const model = loadConfig(`loki.process "p" {\n  forward_to = [loki.process.q.receiver]\n}\nloki.process "q" {\n  stage.limit {\n rate = 1\n burst = 1\n }\n  forward_to = [loki.write.out.receiver]\n}\n${WRITE}`, 'p.alloy', { env: {} });
    expect(splitBlocker(model, 'loki.process.p')).toMatch('stage.limit');
  });

  it('keeps a path through a component that is not simulated on one thread', () => {
    const model = loadConfig(`loki.process "p" {\n  forward_to = [loki.enrich.e.receiver]\n}\nloki.enrich "e" {\n  targets = []\n  match_label = "host"\n  forward_to = [loki.write.out.receiver]\n}\n${WRITE}`, 'p.alloy', { env: {} });
    expect(splitBlocker(model, 'loki.process.p')).toBe('loki.enrich.e (loki.enrich) is not simulated');
  });

  it('lets loki.relabel and loki.secretfilter on the path be split', () => {
    const model = loadConfig(`loki.secretfilter "s" {\n  forward_to = [loki.relabel.r.receiver]\n}\nloki.relabel "r" {\n  rule {\n    action = "labeldrop"\n    regex = "x"\n  }\n  forward_to = [loki.write.out.receiver]\n}\n${WRITE}`, 'p.alloy', { env: {} });
    expect(splitBlocker(model, 'loki.secretfilter.s')).toBeNull();
  });

  it('keeps a path whose receivers are not known before Alloy runs on one thread', () => {
    expect(blockerOfStages('', '[sys.env("X")]')).toMatch('cannot follow');
  });
});
