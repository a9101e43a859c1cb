package io.flowforge.conversation;

/**
 * A change to a workspace's AI controls; fields left out keep their value.
 *
 * @param version the version read, so a concurrent change is refused instead of lost; optional
 */
public record AiControlsRequest(
    Boolean aiEnabled,
    Boolean samplesAllowed,
    Long monthlyTokenBudget,
    Integer messagesPerMinute,
    Long version) {}
