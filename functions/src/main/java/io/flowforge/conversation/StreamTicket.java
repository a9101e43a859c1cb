package io.flowforge.conversation;

import java.time.Instant;

/**
 * A single-use ticket that opens a WebSocket connection to one conversation (browsers cannot send an
 * {@code Authorization} header on a WebSocket, so the authenticated HTTP API hands one out).
 *
 * @param ticket the secret to pass as {@code ?ticket=} when connecting; only its hash is stored
 * @param expiresAt after this instant the ticket opens nothing
 */
public record StreamTicket(String ticket, Instant expiresAt) {}
