CREATE TABLE sellers (
  id SERIAL PRIMARY KEY,
  seller_id VARCHAR(20) NOT NULL,
  marketplace_id VARCHAR(20),
  mws_auth_token VARCHAR(64)
);
