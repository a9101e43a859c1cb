package io.flowforge.dataset;

/**
 * Body of {@code POST /api/workspaces/{workspaceId}/datasets}. Fields are boxed and validated by {@link
 * DatasetService} so a missing one gets a message that names it.
 */
public record CreateDatasetRequest(String name, String fileName, String format, Long sizeBytes) {}
