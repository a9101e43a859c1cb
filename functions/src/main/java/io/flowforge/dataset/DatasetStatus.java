package io.flowforge.dataset;

/** Where a dataset is in its life: registered and waiting for its file, or validated and usable. */
public enum DatasetStatus {
  PENDING_UPLOAD,
  READY
}
