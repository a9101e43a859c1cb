package io.flowforge.anomaly;

/** One candidate explanation of an anomaly, with a confidence in [0, 1] used to rank candidates. */
public record LikelyCause(CauseKind kind, String explanation, double confidence) {}
