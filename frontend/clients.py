"""Who a client is: its address, and the opaque keyed hash of it that the CMS is given."""

import hashlib
import hmac

from django.conf import settings


def client_address(request):
    """The client's address: REMOTE_ADDR, or the one the trusted proxies in front of us saw."""
    proxies = settings.FRONTEND_NUM_PROXIES
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def relayed_client(request):
    """HMAC-SHA256 of the client's address under this site's secret key, in hex.

    The CMS counts its rate limits by this value; it never learns the address itself.
    """
    return hmac.new(
        settings.SECRET_KEY.encode(), client_address(request).encode(), hashlib.sha256
    ).hexdigest()
