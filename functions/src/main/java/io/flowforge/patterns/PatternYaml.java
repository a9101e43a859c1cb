package io.flowforge.patterns;

import java.io.StringReader;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Safe YAML for files people write (pattern definitions, golden inputs, render requests): plain data only, no
 * duplicate keys, bounded aliases, nesting and size, and line numbers kept so errors can point at the line.
 */
public final class PatternYaml {
  private static final int MAX_BYTES = 1_000_000;

  private PatternYaml() {}

  /** A parsed document together with its node tree, which remembers where each value was written. */
  public record Document(Object data, Node tree) {
    /** 1-based line of the value at {@code path} (keys and list indexes), or of its nearest parent. */
    public int lineOf(List<Object> path) {
      Node node = tree;
      int line = node == null ? 0 : node.getStartMark().getLine() + 1;
      for (Object step : path) {
        Node next = child(node, step);
        if (next == null) {
          break;
        }
        node = next;
        line = node.getStartMark().getLine() + 1;
      }
      return line;
    }

    private static Node child(Node node, Object step) {
      if (node instanceof MappingNode mapping) {
        for (NodeTuple tuple : mapping.getValue()) {
          if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(String.valueOf(step))) {
            return tuple.getValueNode();
          }
        }
      } else if (node instanceof SequenceNode sequence && step instanceof Integer index) {
        return index < sequence.getValue().size() ? sequence.getValue().get(index) : null;
      }
      return null;
    }
  }

  /** Parses {@code text}; a syntax problem becomes an {@link InvalidPatternException} naming file and line. */
  public static Document parse(String file, String text) {
    if (text.length() > MAX_BYTES) {
      throw new InvalidPatternException(file, 0, "size", "the file is larger than 1 MB; split it.");
    }
    try {
      Object data = yaml().load(text);
      Node tree = yaml().compose(new StringReader(text));
      return new Document(data, tree);
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      String rule = e.getClass().getSimpleName().contains("DuplicateKey") ? "no-duplicate-keys" : "yaml-syntax";
      throw new InvalidPatternException(file, line, rule, firstLine(e.getProblem()) + "; fix the YAML there.");
    } catch (YAMLException e) {
      throw new InvalidPatternException(file, 0, "yaml-limits", firstLine(e.getMessage()) + ".");
    }
  }

  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(20);
    options.setNestingDepthLimit(30);
    options.setCodePointLimit(MAX_BYTES);
    options.setAllowRecursiveKeys(false);
    return new Yaml(new SafeConstructor(options));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "the YAML is malformed";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
