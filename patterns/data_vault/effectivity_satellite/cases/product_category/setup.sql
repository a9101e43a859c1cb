CREATE TABLE staging.product (product_id INT, name STRING, description STRING, price DECIMAL(10,2), category_id INT, loaded_at TIMESTAMP) USING DELTA;
INSERT INTO staging.product VALUES
  (1, 'Road bike', 'Carbon frame', 1200.00, 10, TIMESTAMP'2024-01-01 08:00:00'),
  (2, 'Helmet', 'Size M', 45.50, 20, TIMESTAMP'2024-01-01 08:00:00'),
  (3, 'Pump', NULL, 19.99, 20, TIMESTAMP'2024-01-01 08:00:00');
CREATE TABLE staging.productcategory (category_id INT, category_name STRING, description STRING) USING DELTA;
INSERT INTO staging.productcategory VALUES (10, 'Bikes', 'Bicycles'), (20, 'Accessories', NULL);
CREATE TABLE vault.hub_product AS SELECT sha2(concat_ws('||', coalesce(upper(trim(CAST(product_id AS STRING))), '')), 256) AS product_hub_key, CAST(product_id AS STRING) AS product_business_key FROM staging.product;
CREATE TABLE vault.hub_productcategory AS SELECT sha2(concat_ws('||', coalesce(upper(trim(CAST(category_id AS STRING))), '')), 256) AS category_hub_key, CAST(category_id AS STRING) AS category_business_key FROM staging.productcategory;
CREATE TABLE vault.link_product_category AS SELECT sha2(concat_ws('||', coalesce(upper(trim(CAST(product_id AS STRING))), ''), coalesce(upper(trim(CAST(category_id AS STRING))), '')), 256) AS product_category_link_key FROM staging.product;
