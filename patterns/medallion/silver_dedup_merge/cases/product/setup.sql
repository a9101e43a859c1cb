CREATE TABLE bronze.product (product_id STRING, name STRING, price STRING, updated_at STRING) USING DELTA;
INSERT INTO bronze.product VALUES ('1', 'Road bike', '1100.00', '2024-01-01 00:00:00'), ('1', 'Road bike', '1200.00', '2024-01-02 00:00:00'), ('2', 'Helmet', '45.50', '2024-01-01 00:00:00'), (NULL, 'bad', '1', '2024-01-01 00:00:00');
