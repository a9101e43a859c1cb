package io.flowforge.assistant;

/**
 * What a conversation remembers between turns so a refinement applies to the last suggestion.
 *
 * @param lastRequest the model request behind the last suggestion, or null before the first one
 */
public record ConversationState(ModelRequest lastRequest) {
  public static final ConversationState EMPTY = new ConversationState(null);

  public boolean hasSuggestion() {
    return lastRequest != null;
  }
}
