package io.flowforge.monitoring;

import io.flowforge.anomaly.ExceptionRule;
import java.time.Instant;

/** An exception rule a person created for one monitor, so the pattern it covers stops raising alerts. */
public record StoredRule(String id, String monitorId, ExceptionRule rule, Instant createdAt) {}
