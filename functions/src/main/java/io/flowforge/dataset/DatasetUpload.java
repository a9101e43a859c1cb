package io.flowforge.dataset;

/** Answer to creating a dataset: the pending dataset and where to upload its file. */
public record DatasetUpload(Dataset dataset, UploadTarget upload) {}
