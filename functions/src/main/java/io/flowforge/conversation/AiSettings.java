package io.flowforge.conversation;

/**
 * A workspace's AI controls with what they govern.
 *
 * @param usage this month's usage
 * @param languageModel the language model answers go to while AI is on, or {@code
 *     offline-architect}
 */
public record AiSettings(AiControls controls, MonthlyUsage usage, String languageModel) {}
