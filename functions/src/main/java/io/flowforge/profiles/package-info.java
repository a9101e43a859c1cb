/**
 * Profiles and suggestions as a stored product: versioned profiles per dataset, suggestions per dataset and
 * layer with the user's decisions, what changed between two profiles, and quality rules and reconciliation
 * run on a workspace's datasets. The engines it drives live in {@code profiling}, {@code suggest} and
 * {@code quality}.
 */
package io.flowforge.profiles;
