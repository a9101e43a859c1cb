package io.flowforge.webhooks;

import java.time.Instant;

/** One value of one metric series of a job, derived from a run report. */
public record MetricPoint(String job, String metric, Instant at, double value) {}
