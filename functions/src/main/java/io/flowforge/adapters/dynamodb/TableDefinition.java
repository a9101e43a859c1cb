package io.flowforge.adapters.dynamodb;

import java.util.List;
import java.util.Optional;

/**
 * Shape of one DynamoDB table: the CDK stack creates it in AWS and the local stack creates it in DynamoDB
 * Local from this same definition, so the two can never drift.
 *
 * <p>Every table is keyed by workspace first: the partition key {@code pk} always starts with the
 * workspace id, so every query stays inside one tenant. Tenancy is enforced in code: one function role serves
 * every workspace, so an IAM leading-key condition cannot tell tenants apart.
 */
public record TableDefinition(
    String logicalName,
    String partitionKey,
    String sortKey,
    Optional<String> timeToLiveAttribute,
    List<GlobalIndex> globalIndexes) {

  /** A global secondary index; string keys, all attributes projected. */
  public record GlobalIndex(String name, String partitionKey, String sortKey) {}
}
