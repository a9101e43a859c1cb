package io.flowforge.conversation;

/**
 * One stored turn: the user's message and the assistant's answer.
 *
 * @param conversation the conversation after the turn
 */
public record Exchange(Conversation conversation, ChatMessage question, ChatMessage answer) {}
