package io.flowforge.dataset;

import java.util.Map;

/**
 * Where and how to send a dataset's file: a presigned S3 URL in AWS, the local blob endpoint locally.
 *
 * @param headers headers the client must send with the request
 */
public record UploadTarget(String url, String method, Map<String, String> headers) {
  public UploadTarget {
    headers = Map.copyOf(headers);
  }
}
