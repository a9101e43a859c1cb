package io.flowforge.profiles;

import java.util.List;

/**
 * Compare this dataset (the source) with a target dataset.
 *
 * @param targetDatasetId the dataset to compare with, in the same workspace
 * @param key the columns that identify a row; when absent, the source's decided or suggested primary key
 */
public record ReconcileRequest(String targetDatasetId, List<String> key) {}
