<?php
// phpAmazonMWS amazon-config.php
$store['MyStore']['merchantId'] = 'A1B2C3D4E5F6G7';
$store['MyStore']['marketplaceId'] = 'ATVPDKIKX0DER';
$store['MyStore']['keyId'] = 'AKIAVM2JMOK7WNGWX7HW';
$store['MyStore']['secretKey'] = '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';
$store['MyStore']['MWSAuthToken'] = 'amzn.mws.021dfd33-81a3-4afe-8def-181901cabc79';
