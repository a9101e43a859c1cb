package io.flowforge.webhooks;

import java.time.Instant;

/** An alert that could not be delivered after the last attempt, kept so it can be inspected and resent. */
public record DeadLetter(String destinationId, String alertId, String webhookId, byte[] body, int attempts, String lastError, Instant at) {}
