package io.flowforge.conversation;

/** A user's message to the assistant. */
public record PostMessageRequest(String message) {}
