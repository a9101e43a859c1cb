package io.flowforge.dataset;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Port: where uploaded files live (an S3 bucket in AWS, a folder locally). Keys are built from ids. */
public interface BlobStore {
  /** A URL the client can PUT exactly {@code sizeBytes} bytes to, valid for {@code ttl}. */
  UploadTarget uploadTarget(String key, long sizeBytes, Duration ttl);

  /** Size of the stored file, or empty when nothing was uploaded under the key. */
  Optional<Long> size(String key);

  /** A file on local disk with the blob's content, for engines that read files (DuckDB). */
  LocalCopy localCopy(String key);

  /** Removes the blob; nothing happens if it is already gone. */
  void delete(String key);

  /** A blob's content as a local file; closing it removes any temporary copy. */
  interface LocalCopy extends AutoCloseable {
    Path path();

    @Override
    void close();
  }
}
