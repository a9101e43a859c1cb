package io.flowforge.conversation;

import io.flowforge.modeling.SavedModel;

/**
 * The result of applying a suggestion to the canvas.
 *
 * @param model the saved model's head
 * @param version the version the suggestion resolved to
 * @param outcome {@code CREATED}, {@code NEW_VERSION} or {@code UNCHANGED} (applied before: nothing
 *     added)
 * @param suggestion the suggestion, now marked as applied
 */
public record AppliedSuggestion(
    SavedModel model, long version, String outcome, ChatMessage.Suggestion suggestion) {}
