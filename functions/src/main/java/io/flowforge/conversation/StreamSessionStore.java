package io.flowforge.conversation;

import java.time.Instant;
import java.util.Optional;

/** Port: stream tickets (stored by their hash) and the WebSocket connections opened with them. */
public interface StreamSessionStore {
  /** Stores a ticket's grant under the ticket's hash until {@code expiresAt}. */
  void saveTicket(String ticketHash, StreamGrant grant, Instant expiresAt);

  /**
   * Removes the ticket and returns its grant, atomically, if it exists and is still valid at {@code
   * now}; empty when it is unknown, expired or already used, so a ticket opens one connection at most.
   *
   * @param workspaceId the workspace the ticket names (tickets live in their workspace's items)
   */
  Optional<StreamGrant> consumeTicket(String workspaceId, String ticketHash, Instant now);

  /** Remembers what an open connection acts for, until {@code expiresAt} at the latest. */
  void saveConnection(String connectionId, StreamGrant grant, Instant expiresAt);

  /** The grant of an open connection, or empty for an unknown or expired one. */
  Optional<StreamGrant> connection(String connectionId, Instant now);

  /** Forgets a connection; forgetting an unknown one does nothing. */
  void removeConnection(String connectionId);
}
