package io.flowforge.conversation;

import io.flowforge.core.Caller;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.Ids;
import io.flowforge.core.ProblemType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Streaming a conversation over a WebSocket: the authenticated HTTP API issues a short-lived,
 * single-use ticket bound to the caller, workspace and conversation; connecting with it consumes it
 * and binds the connection to the same grant. Messages on the connection are then answered for that
 * caller, whose membership {@link ConversationService#post} checks again on every message.
 */
public final class StreamSessions {
  /** How long a ticket may wait for its connection: long enough to connect, too short to share. */
  public static final Duration TICKET_TTL = Duration.ofSeconds(60);

  /** API Gateway closes a WebSocket connection after two hours, so its grant is kept no longer. */
  public static final Duration CONNECTION_TTL = Duration.ofHours(2);

  private static final int SECRET_BYTES = 32;
  // A ticket is "<workspace id>.<43 base64url characters>": 256 random bits after the workspace id.
  private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ConversationService conversations;
  private final StreamSessionStore store;
  private final Clock clock;

  public StreamSessions(ConversationService conversations, StreamSessionStore store, Clock clock) {
    this.conversations = conversations;
    this.store = store;
    this.clock = clock;
  }

  /**
   * A new ticket for the caller's conversation. Another workspace's conversation is the same 404 as
   * one that does not exist.
   */
  public StreamTicket issue(Caller caller, String workspaceId, String conversationId) {
    Conversation conversation = conversations.find(caller, workspaceId, conversationId);
    byte[] secret = new byte[SECRET_BYTES];
    RANDOM.nextBytes(secret);
    String ticket =
        workspaceId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant expiresAt = now().plus(TICKET_TTL);
    store.saveTicket(
        hash(ticket),
        new StreamGrant(caller.subject(), workspaceId, conversation.id()),
        expiresAt);
    return new StreamTicket(ticket, expiresAt);
  }

  /**
   * Opens a connection with a ticket, using the ticket up. A missing, malformed, unknown, expired or
   * already used ticket is a 401 and opens nothing.
   */
  public StreamGrant connect(String connectionId, String ticket) {
    if (ticket == null || ticket.isBlank()) {
      throw unauthorized(
          "The WebSocket connection needs a ticket. Ask for one with POST"
              + " /api/workspaces/{workspaceId}/conversations/{conversationId}/stream-tickets and"
              + " connect with ?ticket=<ticket> within "
              + TICKET_TTL.toSeconds()
              + " seconds.");
    }
    int dot = ticket.lastIndexOf('.');
    String workspaceId = dot < 0 ? "" : ticket.substring(0, dot);
    Optional<StreamGrant> grant =
        dot < 0
                || !Ids.isWellFormed(workspaceId)
                || !SECRET.matcher(ticket.substring(dot + 1)).matches()
            ? Optional.empty()
            : store.consumeTicket(workspaceId, hash(ticket), now());
    StreamGrant granted =
        grant.orElseThrow(
            () ->
                unauthorized(
                    "The ticket is unknown, expired or already used; each ticket opens one"
                        + " connection within "
                        + TICKET_TTL.toSeconds()
                        + " seconds. Ask for a new ticket and connect again."));
    store.saveConnection(connectionId, granted, now().plus(CONNECTION_TTL));
    return granted;
  }

  /** What an open connection acts for; a 401 when the connection is unknown or has expired. */
  public StreamGrant session(String connectionId) {
    return store
        .connection(connectionId, now())
        .orElseThrow(
            () ->
                unauthorized(
                    "This connection is not open to a conversation (it closed or expired). Ask for a"
                        + " new ticket and connect again."));
  }

  /** Forgets a closed or gone connection. */
  public void disconnect(String connectionId) {
    store.removeConnection(connectionId);
  }

  private static FlowForgeException unauthorized(String detail) {
    return new FlowForgeException(ProblemType.UNAUTHORIZED, detail);
  }

  /** Only the hash is stored, so a leaked table item cannot be replayed as a ticket. */
  static String hash(String ticket) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(ticket.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
