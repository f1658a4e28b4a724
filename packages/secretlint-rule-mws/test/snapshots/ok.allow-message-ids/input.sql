CREATE TABLE sellers (
  id SERIAL PRIMARY KEY,
  seller_id VARCHAR(20) NOT NULL,
  mws_access_key VARCHAR(20),
  mws_secret_key VARCHAR(40)
);
