INSERT OVERWRITE DIRECTORY 'target/ff-landing/product' USING csv OPTIONS (header 'true') SELECT * FROM VALUES (1, 'Road bike', 1200.00), (2, 'Helmet', 45.50) AS t(product_id, name, price);
