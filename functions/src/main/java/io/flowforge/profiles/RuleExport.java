package io.flowforge.profiles;

/**
 * Quality rules rendered for another tool.
 *
 * @param format {@code yaml}, {@code check} (Delta {@code CHECK} constraints) or {@code expect} (pipeline
 *     expectations)
 * @param mediaType the type of {@code content}
 * @param content the rendered rules
 */
public record RuleExport(String format, String mediaType, String content) {}
