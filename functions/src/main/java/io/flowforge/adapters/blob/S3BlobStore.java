package io.flowforge.adapters.blob;

import io.flowforge.dataset.BlobStore;
import io.flowforge.dataset.UploadTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * {@link BlobStore} on an S3 bucket. Clients upload straight to S3 with a presigned PUT whose signature
 * covers the declared length, so S3 itself refuses a body of another size.
 */
public final class S3BlobStore implements BlobStore {
  /** Headers the browser sets itself (and may not set by hand); not returned to the client. */
  private static final List<String> IMPLICIT_HEADERS = List.of("host", "content-length");

  private final S3Client s3;
  private final S3Presigner presigner;
  private final String bucket;
  private final Path scratch;

  public S3BlobStore(S3Client s3, S3Presigner presigner, String bucket, Path scratch) {
    this.s3 = s3;
    this.presigner = presigner;
    this.bucket = bucket;
    this.scratch = scratch;
  }

  @Override
  public UploadTarget uploadTarget(String key, long sizeBytes, Duration ttl) {
    PresignedPutObjectRequest presigned =
        presigner.presignPutObject(
            request ->
                request
                    .signatureDuration(ttl)
                    .putObjectRequest(put -> put.bucket(bucket).key(key).contentLength(sizeBytes)));
    Map<String, String> headers = new LinkedHashMap<>();
    presigned.signedHeaders().forEach((name, values) -> {
      if (!IMPLICIT_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
        headers.put(name, String.join(",", values));
      }
    });
    return new UploadTarget(presigned.url().toString(), "PUT", headers);
  }

  @Override
  public Optional<Long> size(String key) {
    try {
      return Optional.of(s3.headObject(request -> request.bucket(bucket).key(key)).contentLength());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public LocalCopy localCopy(String key) {
    try {
      Files.createDirectories(scratch);
      Path file = Files.createTempFile(scratch, "blob-", ".data");
      Files.delete(file);
      s3.getObject(request -> request.bucket(bucket).key(key), ResponseTransformer.toFile(file));
      return new LocalCopy() {
        @Override
        public Path path() {
          return file;
        }

        @Override
        public void close() {
          try {
            Files.deleteIfExists(file);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void delete(String key) {
    s3.deleteObject(request -> request.bucket(bucket).key(key));
  }
}
