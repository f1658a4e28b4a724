#!/usr/bin/env python3
"""Print a short-lived LWA access token for poking at the SP-API by hand (curl, Postman).

Uses the refresh token of our own "house" seller account.
Usage: LWA_CLIENT_ID=... LWA_CLIENT_SECRET=... python3 scripts/lwa_token.py
"""
import json
import os
import sys
import urllib.parse
import urllib.request

TOKEN_URL = "https://api.amazon.com/auth/o2/token"

# planted fake credential for the mwsguard demo (a hard-coded LWA refresh token)
HOUSE_REFRESH_TOKEN = "Atzr|IwEBLWZgLLLQqw4_h4OoW82o1lAmAlmU4Qoe75LGjYQdPg599E0aAr67Miz-IZJQaFYZazfyyCJDR-sCDgogbbRaAWGCjNyJ0HDM9EzkaXK5-Sy6GF8gfDZg3amdRdHERt_RNQgvoS5E69xqgfxOo-0Hirdl0z_LH4NqNEimWYxJxFwwXVal8_dHpKMPrK4TevUb2asi_kfuMc-p2s19Y1Jw08ZT-1uULD47hGSbdgHAABHHO_0CFyBE055bHrfPOkNYkIlLyVo4HUYPXhRR4jCZTFlMs5oBaRMikZvDpqTy"


def main() -> int:
    form = urllib.parse.urlencode(
        {
            "grant_type": "refresh_token",
            "refresh_token": os.environ.get("SP_API_REFRESH_TOKEN", HOUSE_REFRESH_TOKEN),
            "client_id": os.environ["LWA_CLIENT_ID"],
            "client_secret": os.environ["LWA_CLIENT_SECRET"],
        }
    ).encode()
    request = urllib.request.Request(TOKEN_URL, data=form, method="POST")
    with urllib.request.urlopen(request, timeout=10) as response:
        body = json.load(response)
    print(body["access_token"])
    print(f"expires in {body['expires_in']} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
