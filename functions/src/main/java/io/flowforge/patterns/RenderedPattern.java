package io.flowforge.patterns;

import java.util.Map;

/**
 * The files one render of a pattern produced, keyed by file name: {@code ddl.sql}, {@code etl.sql}, {@code
 * test.sql}, {@code docs.md}, and {@code uc.sql} for statements only Unity Catalog runs (key constraints,
 * automatic clustering), kept apart so other engines can skip them.
 */
public record RenderedPattern(String pattern, String target, Map<String, String> files) {}
