package io.flowforge.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowforge.api.Feature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The deployment package every function runs: what it must hold, what it must leave out, and its size. */
class LambdaJarIT {
  // Lambda's limit for a deployment package once unzipped.
  private static final long UNZIPPED_LIMIT_BYTES = 250L * 1024 * 1024;
  private static final List<String> LOCAL_ONLY =
      List.of(
          "com/amazonaws/services/dynamodbv2/local/",
          "com/almworks/sqlite4java/",
          "org/eclipse/jetty/",
          "io/netty/",
          "software/amazon/awssdk/http/apache/",
          "software/amazon/awssdk/http/apache5/",
          "software/amazon/awssdk/http/nio/netty/");

  private static List<ZipEntry> entries;

  @BeforeAll
  static void open() throws IOException {
    try (ZipFile jar = new ZipFile(Synth.lambdaJar().toFile())) {
      entries = new ArrayList<>(Collections.list(jar.entries()));
    }
  }

  @Test
  void holdsTheSharedContractAndTheUrlConnectionClient() {
    assertTrue(contains(Feature.class.getName().replace('.', '/') + ".class"));
    assertTrue(contains("software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class"));
  }

  @Test
  void leavesOutDynamoDbLocalAndTheUnusedHttpClients() {
    for (String prefix : LOCAL_ONLY) {
      assertTrue(entries.stream().noneMatch(entry -> entry.getName().startsWith(prefix)), prefix);
    }
  }

  @Test
  void keepsOnlyTheDuckDbNativeLibraryForTheFunctionsArchitecture() {
    List<String> natives =
        entries.stream().map(ZipEntry::getName).filter(name -> name.startsWith("libduckdb_java.so")).toList();

    assertEquals(List.of(FeatureFunction.DUCKDB_NATIVE_LIBRARY), natives);
    assertEquals("arm64", FeatureFunction.ARCHITECTURE.getName());
  }

  @Test
  void fitsLambdasUnzippedSizeLimit() {
    long unzipped = entries.stream().mapToLong(ZipEntry::getSize).sum();

    assertTrue(unzipped < UNZIPPED_LIMIT_BYTES, unzipped + " bytes unzipped");
  }

  private static boolean contains(String name) {
    return entries.stream().anyMatch(entry -> entry.getName().equals(name));
  }
}
