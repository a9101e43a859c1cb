/** Requests people actually make, offered as one-click starts in an empty conversation. */
export const examplePrompts = [
  "Create a dimension based on product and productcategory",
  "Recommend a data vault model for these tables optimized for Databricks",
  "Generate a type 2 SCD for customers",
  "What can you do?",
] as const;
