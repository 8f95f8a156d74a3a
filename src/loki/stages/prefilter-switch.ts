// Whether stage compilers attach literal prefilters (src/regex/literal-screen.ts) to the stages
// they build. On by default; the benchmark turns it off to measure what the prefilters save.
// Read at compile time only, so a running pipeline never changes behaviour halfway.
let enabled = true;

export function stagePrefiltersEnabled(): boolean {
  return enabled;
}

/** Sets the switch; returns a function that restores the previous setting. */
export function setStagePrefilters(on: boolean): () => void {
  const before = enabled;
  enabled = on;
  return () => {
    enabled = before;
  };
}
