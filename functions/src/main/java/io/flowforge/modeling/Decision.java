package io.flowforge.modeling;

/**
 * One design decision and why it was made.
 *
 * @param subject what the decision is about (an entity or a source table)
 * @param choice what was chosen
 * @param reason why, in words a data engineer can check
 * @param confidence 0..1: how sure the rule is given the evidence it had
 */
public record Decision(String subject, String choice, String reason, double confidence) {}
