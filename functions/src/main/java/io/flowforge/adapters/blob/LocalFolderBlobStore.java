package io.flowforge.adapters.blob;

import io.flowforge.core.FlowForgeException;
import io.flowforge.core.ProblemType;
import io.flowforge.dataset.BlobStore;
import io.flowforge.dataset.UploadTarget;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@link BlobStore} in a local folder, for the local stack. Upload URLs imitate presigned S3 URLs: they
 * name the key, the exact size allowed and an expiry, signed with a per-process HMAC key, and the local
 * server streams the body to disk through {@link #receive}.
 */
public final class LocalFolderBlobStore implements BlobStore {
  /** Keys are built from validated ids by the dataset service; anything else is refused. */
  private static final Pattern KEY = Pattern.compile("[a-z]+/[a-z0-9_]+/[a-z]+/[a-z0-9_]+/data\\.[a-z]+");

  private final Path root;
  private final URI uploadBase;
  private final SecretKeySpec signingKey;
  private final long maxBytes;
  private final Clock clock;

  /**
   * @param root folder holding the blobs
   * @param uploadBase URL prefix the local server accepts uploads under ({@code http://…/local-blobs/})
   * @param signingKey secret for upload URL signatures
   * @param maxBytes largest upload accepted, whatever the URL says
   */
  public LocalFolderBlobStore(Path root, URI uploadBase, byte[] signingKey, long maxBytes, Clock clock) {
    this.root = root.toAbsolutePath().normalize();
    this.uploadBase = uploadBase;
    this.signingKey = new SecretKeySpec(signingKey, "HmacSHA256");
    this.maxBytes = maxBytes;
    this.clock = clock;
  }

  @Override
  public UploadTarget uploadTarget(String key, long sizeBytes, Duration ttl) {
    long expires = clock.instant().plus(ttl).getEpochSecond();
    String query = "expires=" + expires + "&size=" + sizeBytes + "&signature=" + sign(key, expires, sizeBytes);
    return new UploadTarget(uploadBase.resolve(key) + "?" + query, "PUT", Map.of());
  }

  /**
   * Stores an upload if its URL is genuine, unexpired and the body is no larger than it allows; a
   * refused or broken upload leaves nothing on disk.
   */
  public void receive(String key, String rawQuery, InputStream body) throws IOException {
    Map<String, String> query = parse(rawQuery);
    long expires = number(query.get("expires"));
    long size = number(query.get("size"));
    String signature = Optional.ofNullable(query.get("signature")).orElse("");
    boolean genuine =
        KEY.matcher(key).matches()
            && MessageDigest.isEqual(
                sign(key, expires, size).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    if (!genuine) {
      throw new FlowForgeException(
          ProblemType.FORBIDDEN, "This upload URL is not valid. Create the dataset again to get a new one.");
    }
    if (clock.instant().getEpochSecond() > expires) {
      throw new FlowForgeException(
          ProblemType.FORBIDDEN, "This upload URL has expired. Create the dataset again to get a new one.");
    }
    Path target = resolve(key);
    Files.createDirectories(target.getParent());
    Path partial = Files.createTempFile(target.getParent(), "upload-", ".part");
    try {
      long written = copyAtMost(body, partial, Math.min(size, maxBytes));
      if (written < 0) {
        throw new FlowForgeException(
            ProblemType.PAYLOAD_TOO_LARGE,
            "The upload is larger than the " + Math.min(size, maxBytes)
                + " bytes declared as sizeBytes (or the size limit). Declare the real size.");
      }
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  @Override
  public Optional<Long> size(String key) {
    Path path = resolve(key);
    try {
      return Files.isRegularFile(path) ? Optional.of(Files.size(path)) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public LocalCopy localCopy(String key) {
    Path path = resolve(key);
    return new LocalCopy() {
      @Override
      public Path path() {
        return path;
      }

      @Override
      public void close() {
        // The blob itself is the local file; there is no copy to remove.
      }
    };
  }

  @Override
  public void delete(String key) {
    try {
      Files.deleteIfExists(resolve(key));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path resolve(String key) {
    Path path = root.resolve(key).normalize();
    if (!KEY.matcher(key).matches() || !path.startsWith(root)) {
      throw new IllegalArgumentException("not a blob key: " + key);
    }
    return path;
  }

  /** Copies at most {@code limit} bytes; -1 if the stream holds more. */
  private static long copyAtMost(InputStream in, Path target, long limit) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try (OutputStream out = Files.newOutputStream(target)) {
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        total += read;
        if (total > limit) {
          return -1;
        }
        out.write(buffer, 0, read);
      }
    }
    return total;
  }

  private String sign(String key, long expires, long size) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(signingKey);
      byte[] digest = mac.doFinal((key + "\n" + expires + "\n" + size).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static Map<String, String> parse(String rawQuery) {
    Map<String, String> values = new LinkedHashMap<>();
    if (rawQuery == null) {
      return values;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        values.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  private static long number(String value) {
    try {
      return value == null ? -1 : Long.parseLong(value);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
