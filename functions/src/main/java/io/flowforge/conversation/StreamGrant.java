package io.flowforge.conversation;

import io.flowforge.core.Caller;

/**
 * Whom a stream ticket, and the WebSocket connection opened with it, acts for: one caller in one
 * conversation of one workspace.
 *
 * @param subject the caller's identity when the ticket was issued
 * @param workspaceId the workspace the conversation belongs to
 * @param conversationId the conversation the connection may send messages to
 */
public record StreamGrant(String subject, String workspaceId, String conversationId) {
  public Caller caller() {
    return new Caller(subject);
  }
}
