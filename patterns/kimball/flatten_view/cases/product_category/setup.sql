CREATE TABLE staging.product (product_id INT, name STRING, description STRING, price DECIMAL(10,2), category_id INT) USING DELTA;
INSERT INTO staging.product VALUES (1, 'Road bike', 'Carbon frame', 1200.00, 10), (2, 'Helmet', 'Size M', 45.50, 20), (3, 'Pump', NULL, 19.99, NULL);
CREATE TABLE staging.productcategory (category_id INT, category_name STRING, description STRING) USING DELTA;
INSERT INTO staging.productcategory VALUES (10, 'Bikes', 'Bicycles'), (20, 'Accessories', NULL);
