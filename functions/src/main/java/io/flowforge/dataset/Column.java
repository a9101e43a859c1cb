package io.flowforge.dataset;

/** One column of a dataset as the validating engine read it: its name and SQL type. */
public record Column(String name, String type) {}
