package io.flowforge.assistant;

/** What the offline architect understood a message to ask for. */
public enum Intent {
  CREATE_MODEL,
  RECOMMEND_PATTERN,
  ADD_ATTRIBUTES,
  REMOVE_ATTRIBUTES,
  CHANGE_SCD_TYPE,
  GENERATE_SCRIPTS,
  OPTIMIZE,
  ESTIMATE_PERFORMANCE,
  ANALYZE,
  EXPLAIN,
  CAPABILITIES,
  NEEDS_DETAIL,
  NOT_UNDERSTOOD
}
