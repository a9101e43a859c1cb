package io.flowforge.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.core.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The offline architect's reading of the requests users make, including typos and names that only match
 * fuzzily. Each case checks the intent, the tool calls and their key inputs.
 */
public class RequestPlannerTest {
  private static final WorkspaceCatalog CATALOG = TestCatalogs.adventureWorks();
  private static final RequestPlanner PLANNER = new RequestPlanner(ArchitectTexts.standard());

  private static final String PRODUCT_DIMENSION = "create a dimension based on product and productcategory";
  private static final List<String> DIMENSION_TOOLS = List.of(
      "get_table_metadata", "find_relationships", "get_pattern", "generate_dimensional_model",
      "generate_reactflow_nodes", "recommend_clustering");
  private static final List<String> REGENERATE = List.of("generate_dimensional_model", "generate_reactflow_nodes");

  /** One phrasing: earlier messages of the conversation, the message, and what the plan must hold. */
  public record Case(List<String> before, String message, Intent intent, List<String> exactTools, Map<String, String> inputs) {
    Case then(String pointerPath, String json) {
      Map<String, String> more = new LinkedHashMap<>(inputs);
      more.put(pointerPath, json);
      return new Case(before, message, intent, exactTools, more);
    }

    Case tools(String... names) {
      return new Case(before, message, intent, List.of(names), inputs);
    }

    Case tools(List<String> names) {
      return new Case(before, message, intent, names, inputs);
    }

    @Override
    public String toString() {
      return (before.isEmpty() ? "" : String.join(" → ", before) + " → ") + message;
    }
  }

  static Case ask(String message, Intent intent) {
    return new Case(List.of(), message, intent, null, Map.of());
  }

  static Case after(String previous, String message, Intent intent) {
    return new Case(List.of(previous), message, intent, null, Map.of());
  }

  static Case after(List<String> previous, String message, Intent intent) {
    return new Case(previous, message, intent, null, Map.of());
  }

  public static Stream<Case> phrasings() {
    List<Case> cases = new ArrayList<>();
    // Dimensions
    cases.add(ask("I need to create a dimension based on the product and productcategory tables", Intent.CREATE_MODEL)
        .tools(DIMENSION_TOOLS)
        .then("get_table_metadata/table_names", "[\"product\",\"productcategory\"]")
        .then("find_relationships/source_table", "\"product\"")
        .then("find_relationships/target_table", "\"productcategory\"")
        .then("get_pattern/pattern_type", "\"kimball_dimension\"")
        .then("generate_dimensional_model/model_type", "\"dimension\"")
        .then("generate_dimensional_model/scd_type", "2")
        .then("generate_dimensional_model/dimension_name", "\"product\"")
        .then("recommend_clustering/table_name", "\"dim_product\""));
    cases.add(ask("Create a dimension from product and category tables", Intent.CREATE_MODEL)
        .then("generate_dimensional_model/source_tables", "[\"product\",\"productcategory\"]"));
    cases.add(ask("create a dimension based on prodcut and prodcut categroy", Intent.CREATE_MODEL)
        .then("generate_dimensional_model/source_tables", "[\"product\",\"productcategory\"]"));
    cases.add(ask("make me a product dimension", Intent.CREATE_MODEL)
        .then("generate_dimensional_model/source_tables", "[\"product\"]"));
    cases.add(ask("Build a dim for Products", Intent.CREATE_MODEL)
        .then("generate_dimensional_model/source_tables", "[\"product\"]"));
    cases.add(ask("create a dimenson from product_category", Intent.CREATE_MODEL)
        .then("generate_dimensional_model/source_tables", "[\"productcategory\"]")
        .then("generate_dimensional_model/dimension_name", "\"productcategory\""));
    cases.add(ask("CREATE A DIMENSION FROM PRODUCT SUBCATEGORY", Intent.CREATE_MODEL)
        .then("generate_dimensional_model/source_tables", "[\"productsubcategory\"]"));
    cases.add(ask("Design a PRODUCT dimension including its category", Intent.CREATE_MODEL)
        .then("generate_dimensional_model/source_tables", "[\"product\",\"productcategory\"]"));
    // Slowly changing dimensions
    cases.add(ask("Generate a Type 2 SCD for customers", Intent.CREATE_MODEL)
        .then("get_pattern/pattern_type", "\"slowly_changing_dimension\"")
        .then("generate_dimensional_model/source_tables", "[\"customer\"]")
        .then("generate_dimensional_model/scd_type", "2")
        .then("generate_dimensional_model/dimension_name", "\"customer\"")
        .then("recommend_clustering/table_name", "\"dim_customer\""));
    cases.add(ask("generate a type 1 scd for customer", Intent.CREATE_MODEL)
        .then("get_pattern/scd_type", "1")
        .then("generate_dimensional_model/scd_type", "1"));
    cases.add(ask("I want a slowly changing dimension type 3 on custmer", Intent.CREATE_MODEL)
        .then("generate_dimensional_model/source_tables", "[\"customer\"]")
        .then("generate_dimensional_model/scd_type", "3"));
    cases.add(ask("scd2 for the customer table", Intent.CREATE_MODEL)
        .then("generate_dimensional_model/scd_type", "2"));
    cases.add(ask("type-1 dimension for product", Intent.CREATE_MODEL)
        .then("generate_dimensional_model/scd_type", "1")
        .then("generate_dimensional_model/source_tables", "[\"product\"]"));
    cases.add(ask("create a type two dimension from Customers", Intent.CREATE_MODEL)
        .then("generate_dimensional_model/scd_type", "2")
        .then("generate_dimensional_model/source_tables", "[\"customer\"]"));
    // Facts and stars
    cases.add(ask("Create a fact table from salesorderheader and salesorderdetail", Intent.CREATE_MODEL)
        .then("get_pattern/pattern_type", "\"kimball_fact\"")
        .then("generate_dimensional_model/model_type", "\"fact\"")
        .then("generate_dimensional_model/source_tables", "[\"salesorderheader\",\"salesorderdetail\"]")
        .then("recommend_clustering/table_name", "\"fact_salesorderheader\""));
    cases.add(ask("build a fact for sales order detail at one row per order line", Intent.CREATE_MODEL)
        .then("generate_dimensional_model/source_tables", "[\"salesorderdetail\"]")
        .then("generate_dimensional_model/grain", "\"one row per order line\""));
    cases.add(ask("fact table on sales_order_header", Intent.CREATE_MODEL)
        .then("generate_dimensional_model/source_tables", "[\"salesorderheader\"]"));
    cases.add(ask("build a star schema from salesorderdetail, product and customer", Intent.CREATE_MODEL)
        .then("analyze_schema/tables", "[\"salesorderdetail\",\"product\",\"customer\"]")
        .then("generate_dimensional_model/model_type", "\"star\""));
    cases.add(ask("I need a fact with dimensions for salesorderheader, customer and product", Intent.CREATE_MODEL)
        .then("generate_dimensional_model/model_type", "\"star\"")
        .then("generate_dimensional_model/source_tables", "[\"salesorderheader\",\"customer\",\"product\"]"));
    // Data Vault
    cases.add(ask("Can you recommend a data vault model for the product and productcategory tables that is optimized for Databricks loads?", Intent.CREATE_MODEL)
        .tools("get_table_metadata", "suggest_keys", "suggest_keys", "find_relationships", "get_pattern",
            "generate_data_vault_model", "generate_reactflow_nodes", "get_databricks_optimizations")
        .then("get_pattern/pattern_type", "\"data_vault\"")
        .then("get_pattern/optimization", "\"databricks\"")
        .then("generate_data_vault_model/source_tables", "[\"product\",\"productcategory\"]")
        .then("get_databricks_optimizations/access_pattern", "\"batch\"")
        .then("get_databricks_optimizations/data_volume", "\"small\""));
    cases.add(ask("data vault for customer and salesorderheader with streaming loads", Intent.CREATE_MODEL)
        .then("generate_data_vault_model/optimization", "\"real_time\"")
        .then("get_databricks_optimizations/access_pattern", "\"streaming\""));
    cases.add(ask("Create hubs, links and satellites for product and productcategory", Intent.CREATE_MODEL)
        .then("generate_data_vault_model/source_tables", "[\"product\",\"productcategory\"]"));
    cases.add(ask("model prodcut categroy and custmers as a data vualt", Intent.CREATE_MODEL)
        .then("generate_data_vault_model/source_tables", "[\"productcategory\",\"customer\"]"));
    // Pattern recommendations
    cases.add(ask("What pattern should I use for salesorderheader?", Intent.RECOMMEND_PATTERN)
        .tools("get_table_metadata", "recommend_pattern")
        .then("recommend_pattern/table_names", "[\"salesorderheader\"]")
        .then("recommend_pattern/scale", "\"small\""));
    cases.add(ask("recommend a pattern for the customer table", Intent.RECOMMEND_PATTERN)
        .then("recommend_pattern/table_names", "[\"customer\"]"));
    cases.add(ask("which approach is best for product and productcategory", Intent.RECOMMEND_PATTERN)
        .then("recommend_pattern/table_names", "[\"product\",\"productcategory\"]"));
    cases.add(ask("how should I model salesorderdetail", Intent.RECOMMEND_PATTERN)
        .then("recommend_pattern/table_names", "[\"salesorderdetail\"]"));
    // Refinements of the last suggestion
    cases.add(after(PRODUCT_DIMENSION, "make it type 1 instead", Intent.CHANGE_SCD_TYPE)
        .tools(REGENERATE)
        .then("generate_dimensional_model/scd_type", "1")
        .then("generate_dimensional_model/source_tables", "[\"product\",\"productcategory\"]"));
    cases.add(after(PRODUCT_DIMENSION, "Can you make it Type 1 instead?", Intent.CHANGE_SCD_TYPE)
        .then("generate_dimensional_model/scd_type", "1"));
    cases.add(after(PRODUCT_DIMENSION, "switch to scd type 3", Intent.CHANGE_SCD_TYPE)
        .then("generate_dimensional_model/scd_type", "3"));
    cases.add(after("generate a type 1 scd for customer", "actually use type 2", Intent.CHANGE_SCD_TYPE)
        .then("generate_dimensional_model/scd_type", "2")
        .then("generate_dimensional_model/source_tables", "[\"customer\"]"));
    cases.add(after(PRODUCT_DIMENSION, "remove the weight and size columns", Intent.REMOVE_ATTRIBUTES)
        .tools(REGENERATE)
        .then("generate_dimensional_model/exclude_attributes", "[\"product.Weight\",\"product.Size\"]"));
    cases.add(after(PRODUCT_DIMENSION, "drop ProductNumber", Intent.REMOVE_ATTRIBUTES)
        .then("generate_dimensional_model/exclude_attributes", "[\"product.ProductNumber\"]"));
    cases.add(after(PRODUCT_DIMENSION, "take out the sell start date", Intent.REMOVE_ATTRIBUTES)
        .then("generate_dimensional_model/exclude_attributes", "[\"product.SellStartDate\"]"));
    cases.add(after(PRODUCT_DIMENSION, "remove colour", Intent.REMOVE_ATTRIBUTES)
        .then("generate_dimensional_model/exclude_attributes", "[\"product.Color\"]"));
    cases.add(after(List.of(PRODUCT_DIMENSION, "remove the weight and size columns"), "add weight back", Intent.ADD_ATTRIBUTES)
        .then("generate_dimensional_model/exclude_attributes", "[\"product.Size\"]"));
    cases.add(after(List.of(PRODUCT_DIMENSION, "remove weight"), "Add more attributes from the source tables", Intent.ADD_ATTRIBUTES)
        .then("generate_dimensional_model/exclude_attributes", null));
    cases.add(after(PRODUCT_DIMENSION, "make it a data vault instead", Intent.CREATE_MODEL)
        .tools("generate_data_vault_model", "generate_reactflow_nodes")
        .then("generate_data_vault_model/source_tables", "[\"product\",\"productcategory\"]"));
    // Deployment scripts
    cases.add(after(PRODUCT_DIMENSION, "generate the deployment scripts", Intent.GENERATE_SCRIPTS)
        .tools("generate_dimensional_model", "generate_templates", "generate_yaml_metadata")
        .then("generate_templates/template_types", "[\"ddl\",\"etl\"]")
        .then("generate_dimensional_model/scd_type", "2"));
    cases.add(after(PRODUCT_DIMENSION, "Give me the DDL", Intent.GENERATE_SCRIPTS)
        .then("generate_templates/template_types", "[\"ddl\"]"));
    cases.add(after(PRODUCT_DIMENSION, "generate ddl, the merge pipeline and tests", Intent.GENERATE_SCRIPTS)
        .then("generate_templates/template_types", "[\"ddl\",\"etl\",\"test\"]"));
    cases.add(ask("create a type 2 dimension for customer and generate the ddl", Intent.CREATE_MODEL)
        .then("generate_templates/template_types", "[\"ddl\"]")
        .then("generate_dimensional_model/source_tables", "[\"customer\"]"));
    // Explanations
    cases.add(after(PRODUCT_DIMENSION, "why type 2?", Intent.EXPLAIN)
        .tools("get_pattern", "get_databricks_optimizations")
        .then("get_pattern/pattern_type", "\"slowly_changing_dimension\"")
        .then("get_pattern/scd_type", "2"));
    cases.add(after("generate a type 1 scd for customer", "explain that choice", Intent.EXPLAIN)
        .then("get_pattern/scd_type", "1"));
    cases.add(ask("explain data vault", Intent.EXPLAIN).then("get_pattern/pattern_type", "\"data_vault\""));
    cases.add(after("build a fact for salesorderdetail", "why did you choose this?", Intent.EXPLAIN)
        .then("get_pattern/pattern_type", "\"kimball_fact\""));
    // Optimizations and analysis
    cases.add(ask("how do I optimize salesorderdetail for databricks?", Intent.OPTIMIZE)
        .tools("recommend_clustering", "recommend_partitioning", "recommend_delta_features")
        .then("recommend_partitioning/row_count", "121317")
        .then("recommend_partitioning/table_name", "\"salesorderdetail\""));
    cases.add(ask("recommend liquid clustering for salesorderheader", Intent.OPTIMIZE)
        .then("recommend_partitioning/date_columns", "[\"OrderDate\"]"));
    cases.add(ask("which modeling patterns do my tables already follow?", Intent.ANALYZE)
        .tools("detect_modeling_patterns"));
    cases.add(ask("detect the existing patterns in salesorderheader", Intent.ANALYZE)
        .tools("detect_modeling_patterns"));
    cases.add(ask("analyze product and productcategory", Intent.ANALYZE)
        .tools("analyze_schema")
        .then("analyze_schema/tables", "[\"product\",\"productcategory\"]"));
    cases.add(ask("what are the keys of salesorderdetail", Intent.ANALYZE)
        .tools("analyze_schema", "suggest_keys")
        .then("suggest_keys/table_name", "\"salesorderdetail\""));
    cases.add(ask("show relationships for product", Intent.ANALYZE)
        .then("find_relationships/source_table", "\"product\""));
    // Performance estimates
    cases.add(ask("how fast will queries on salesorderheader be", Intent.ESTIMATE_PERFORMANCE)
        .tools("estimate_performance")
        .then("estimate_performance/table_name", "\"salesorderheader\"")
        .then("estimate_performance/filter_column", null)
        .then("estimate_performance/clustering_columns", null));
    cases.add(ask("estimate performance of clustering salesorderheader by customer id", Intent.ESTIMATE_PERFORMANCE)
        .then("estimate_performance/table_name", "\"salesorderheader\"")
        .then("estimate_performance/clustering_columns", "[\"CustomerID\"]"));
    cases.add(after("Create a fact table from salesorderheader and salesorderdetail",
            "estimate the performance of clustering by customer_id", Intent.ESTIMATE_PERFORMANCE)
        .tools("estimate_performance")
        .then("estimate_performance/table_name", "\"salesorderheader\"")
        .then("estimate_performance/clustering_columns", "[\"CustomerID\"]"));
    cases.add(ask("how quickly is salesorderdetail filtered by ProductID if partitioned by SalesOrderID?", Intent.ESTIMATE_PERFORMANCE)
        .then("estimate_performance/filter_column", "\"ProductID\"")
        .then("estimate_performance/partition_columns", "[\"SalesOrderID\"]"));
    cases.add(ask("estimate query speed for salesorderheader partitioned by order date at 2 billion rows", Intent.ESTIMATE_PERFORMANCE)
        .then("estimate_performance/partition_columns", "[\"OrderDate\"]")
        .then("estimate_performance/projected_row_count", "2000000000"));
    cases.add(ask("estimate scans of salesorderheader with a z-order on customerid, filtering by status", Intent.ESTIMATE_PERFORMANCE)
        .then("estimate_performance/clustering_columns", "[\"CustomerID\"]")
        .then("estimate_performance/clustering_method", "\"z_order\"")
        .then("estimate_performance/filter_column", "\"Status\""));
    cases.add(ask("estimat how fast queris on salesorderheder are with 500,000 rows", Intent.ESTIMATE_PERFORMANCE)
        .then("estimate_performance/table_name", "\"salesorderheader\"")
        .then("estimate_performance/projected_row_count", "500000"));
    cases.add(ask("how fast would queries be?", Intent.NEEDS_DETAIL).tools());
    // What the architect can do, and what it does not understand
    cases.add(ask("what can you do?", Intent.CAPABILITIES).tools());
    cases.add(ask("help", Intent.CAPABILITIES).tools());
    cases.add(ask("what's the weather in Paris?", Intent.NOT_UNDERSTOOD).tools());
    cases.add(ask("asdf qwerty", Intent.NOT_UNDERSTOOD).tools());
    cases.add(ask("create a dimension", Intent.NEEDS_DETAIL).tools());
    cases.add(ask("make it type 1 instead", Intent.NEEDS_DETAIL).tools());
    cases.add(ask("generate the deployment scripts", Intent.NEEDS_DETAIL).tools());
    cases.add(ask("remove the weight column", Intent.NEEDS_DETAIL).tools());
    cases.add(ask("product and customer", Intent.NEEDS_DETAIL).tools());
    cases.add(after(PRODUCT_DIMENSION, "add the color attribute", Intent.NEEDS_DETAIL).tools());
    cases.add(ask("recommend a pattern for salesorderheader optimized for databricks", Intent.RECOMMEND_PATTERN)
        .then("recommend_pattern/table_names", "[\"salesorderheader\"]"));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("phrasings")
  void plansTheRightToolCalls(Case c) throws Exception {
    ConversationState state = ConversationState.EMPTY;
    for (String earlier : c.before()) {
      Plan previous = PLANNER.plan(earlier, CATALOG, state);
      assertNotNull(previous.request(), "earlier message should produce a suggestion: " + earlier);
      state = new ConversationState(previous.request());
    }

    Plan plan = PLANNER.plan(c.message(), CATALOG, state);

    assertEquals(c.intent(), plan.intent(), () -> "intent of '" + c.message() + "', plan " + plan.toolNames() + " note " + plan.note());
    if (c.exactTools() != null) {
      assertEquals(c.exactTools(), plan.toolNames());
    }
    if (plan.calls().isEmpty()) {
      assertTrue(plan.note() != null && !plan.note().isBlank(), "a plan without tools must say something");
    }
    for (Map.Entry<String, String> expected : c.inputs().entrySet()) {
      String tool = expected.getKey().substring(0, expected.getKey().indexOf('/'));
      String field = expected.getKey().substring(expected.getKey().indexOf('/'));
      JsonNode actual = plan.call(tool).input().at(field);
      if (expected.getValue() == null) {
        assertTrue(actual.isMissingNode(), () -> tool + field + " should be absent but is " + actual);
      } else {
        assertEquals(Json.mapper().readTree(expected.getValue()).toString(), actual.toString(), () -> tool + field + " in plan " + plan.toolNames());
      }
    }
  }
}
