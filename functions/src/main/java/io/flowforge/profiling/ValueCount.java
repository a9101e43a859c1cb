package io.flowforge.profiling;

/** A value (or shape) and how many rows hold it. */
public record ValueCount(String value, long count) {}
