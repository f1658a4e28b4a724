<?php
$request = new MarketplaceWebServiceOrders_Model_ListOrdersRequest();
$request->setSellerId(getenv('SELLER_ID'));
$request->setMWSAuthToken('amzn.mws.db569d3f-965b-4e05-9a29-f223d0bd319e');
