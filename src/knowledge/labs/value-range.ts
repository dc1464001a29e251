/**
 * A numeric band, as guidelines and labels write them: "below 30", "30–45", "above 95", "≤ 50".
 * Every bound given must hold; a band with no bound holds for every value.
 */
export interface ValueRange {
  /** value < below */
  below?: number;
  /** value ≤ atMost */
  atMost?: number;
  /** value ≥ atLeast */
  atLeast?: number;
  /** value > above */
  above?: number;
}
