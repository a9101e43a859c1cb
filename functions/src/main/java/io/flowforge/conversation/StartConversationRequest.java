package io.flowforge.conversation;

/** Starts a conversation; {@code title} is optional (the first message names it otherwise). */
public record StartConversationRequest(String title) {}
