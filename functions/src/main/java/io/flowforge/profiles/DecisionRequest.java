package io.flowforge.profiles;

import java.util.Map;

/**
 * A person's decision on a suggestion.
 *
 * @param action {@code accept}, {@code adjust} or {@code reject}
 * @param override the setting to use instead, required for {@code adjust} and refused otherwise
 * @param version the suggestion version the person saw (0 for one not stored yet)
 */
public record DecisionRequest(String action, Map<String, Object> override, Long version) {}
