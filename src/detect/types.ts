// Public shapes of the credential and PII detectors. Every test output is scanned with these, so a
// Finding carries exactly what a reporter needs: which detector, how bad, and where the secret
// value itself sits (not its key), in JavaScript string indices.

export type Severity = 'critical' | 'high' | 'medium' | 'low';
export type FindingKind = 'credential' | 'pii';

export interface Finding {
  detector: string;
  severity: Severity;
  kind: FindingKind;
  /** JS string index of the first character of the secret value (not of its key). */
  start: number;
  /** JS string index one past the last character of the secret value. */
  end: number;
  value: string;
}

export interface DetectorInfo {
  id: string;
  title: string;
  severity: Severity;
  kind: FindingKind;
  /** Texts on which this detector must report at least one finding. */
  examples: string[];
  /** Texts that look close but on which this detector must report nothing. */
  nearMisses: string[];
}

/** A span found by a detector's scanner, before the registry stamps id/severity/kind on it. */
export interface Span {
  start: number;
  end: number;
}

/** A detector: its public description and a scanner that must run in time linear in the text. */
export interface Detector {
  info: DetectorInfo;
  scan(text: string): Span[];
}
