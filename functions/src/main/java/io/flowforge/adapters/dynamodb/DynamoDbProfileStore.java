package io.flowforge.adapters.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.Json;
import io.flowforge.core.ProblemType;
import io.flowforge.profiles.ProfileChanges;
import io.flowforge.profiles.ProfileStore;
import io.flowforge.profiles.ProfileVersion;
import io.flowforge.profiles.StoredProfile;
import io.flowforge.profiling.TableProfile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** {@link ProfileStore} on the {@code datasets} table; see docs/storage.md for the key design. */
public final class DynamoDbProfileStore implements ProfileStore {
  /** Profiles whose JSON is longer than this are stored gzipped. */
  static final int GZIP_ABOVE_CHARS = 32 * 1024;
  /** Room left for the other attributes under DynamoDB's 400 KB item limit. */
  static final int MAX_STORED_BYTES = 380 * 1024;
  private static final List<String> SUMMARY_ATTRIBUTES =
      List.of("pk", "sk", "datasetId", "profileVersion", "rowCount", "columnCount", "createdAt", "createdBy", "changesJson");

  private final DynamoDbTable<ProfileItem> table;

  public DynamoDbProfileStore(DynamoDbEnhancedClient client, String tableName) {
    this.table = client.table(tableName, ProfileItem.SCHEMA);
  }

  @Override
  public void create(String workspaceId, StoredProfile profile) {
    try {
      table.putItem(
          PutItemEnhancedRequest.builder(ProfileItem.class)
              .item(toItem(workspaceId, profile))
              .conditionExpression(Expression.builder().expression("attribute_not_exists(sk)").build())
              .build());
    } catch (ConditionalCheckFailedException e) {
      throw new FlowForgeException(
          ProblemType.CONFLICT,
          "Profile version " + profile.version() + " of dataset " + profile.datasetId()
              + " already exists: another profile run finished first. Reload the latest profile.",
          null,
          e);
    }
  }

  @Override
  public Optional<StoredProfile> latest(String workspaceId, String datasetId) {
    return table
        .query(
            QueryEnhancedRequest.builder()
                .queryConditional(versionsOf(workspaceId, datasetId))
                .scanIndexForward(false)
                .limit(1)
                .consistentRead(true)
                .build())
        .items()
        .stream()
        .findFirst()
        .map(DynamoDbProfileStore::toProfile);
  }

  @Override
  public List<ProfileVersion> versions(String workspaceId, String datasetId) {
    return table
        .query(
            QueryEnhancedRequest.builder()
                .queryConditional(versionsOf(workspaceId, datasetId))
                .scanIndexForward(false)
                .attributesToProject(SUMMARY_ATTRIBUTES)
                .consistentRead(true)
                .build())
        .items()
        .stream()
        .map(
            item ->
                new ProfileVersion(
                    item.getDatasetId(), item.getProfileVersion(), item.getRowCount(), item.getColumnCount(),
                    readChanges(item.getChangesJson()), Instant.parse(item.getCreatedAt()), item.getCreatedBy()))
        .toList();
  }

  /** Sort-key prefix of every profile version of one dataset. */
  static String prefix(String datasetId) {
    return ProfileItem.SORT_KEY_PREFIX + datasetId + "#";
  }

  private static QueryConditional versionsOf(String workspaceId, String datasetId) {
    return QueryConditional.sortBeginsWith(Key.builder().partitionValue(workspaceId).sortValue(prefix(datasetId)).build());
  }

  private static ProfileItem toItem(String workspaceId, StoredProfile profile) {
    String json = write(profile.profile());
    ProfileItem.Builder item =
        ProfileItem.builder()
            .pk(workspaceId)
            .sk(prefix(profile.datasetId()) + String.format(Locale.ROOT, "%08d", profile.version()))
            .datasetId(profile.datasetId())
            .profileVersion(profile.version())
            .rowCount(profile.profile().rowCount())
            .columnCount(profile.profile().columns().size())
            .createdAt(profile.createdAt().toString())
            .createdBy(profile.createdBy())
            .changesJson(profile.changes() == null ? null : write(profile.changes()));
    if (json.length() <= GZIP_ABOVE_CHARS) {
      return item.body(json).build();
    }
    byte[] gzipped = gzip(json);
    if (gzipped.length > MAX_STORED_BYTES) {
      throw new FlowForgeException(
          ProblemType.UNPROCESSABLE,
          "The profile is " + gzipped.length + " bytes even compressed, more than can be stored. Profile a file"
              + " with fewer columns.");
    }
    return item.bodyGzip(SdkBytes.fromByteArray(gzipped)).build();
  }

  private static StoredProfile toProfile(ProfileItem item) {
    String json = item.getBody() != null ? item.getBody() : gunzip(item.getBodyGzip().asByteArray());
    return new StoredProfile(
        item.getDatasetId(),
        item.getProfileVersion(),
        read(json, TableProfile.class),
        readChanges(item.getChangesJson()),
        Instant.parse(item.getCreatedAt()),
        item.getCreatedBy());
  }

  private static ProfileChanges readChanges(String json) {
    return json == null ? null : read(json, ProfileChanges.class);
  }

  static byte[] gzip(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static String gunzip(byte[] gzipped) {
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzipped))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("stored profile is not valid gzip", e);
    }
  }

  private static String write(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("profile could not be serialised", e);
    }
  }

  private static <T> T read(String json, Class<T> type) {
    try {
      return Json.mapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored profile is not valid JSON", e);
    }
  }
}
