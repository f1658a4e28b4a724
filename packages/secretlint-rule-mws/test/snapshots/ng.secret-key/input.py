import mws

orders = mws.Orders(
    access_key=os.environ["MWS_ACCESS_KEY"],
    secret_key="JYPrGSf8xDTVPeSz25Pxd9PU88lMJaIzzI88Yw/f",
    account_id=os.environ["SELLER_ID"],
    region="US",
)
