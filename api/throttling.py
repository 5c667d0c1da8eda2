"""Throttling of the API's anonymous clients (REST framework's DEFAULT_THROTTLE_CLASSES).

Kept apart from the views: REST framework imports these classes while it defines APIView.
"""

import hashlib
import hmac

from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle

from django.conf import settings

# The header in which the public site's servers name the client they relay a request for: an
# opaque keyed hash of the client's address, never the address itself.
RELAYED_CLIENT_HEADER = "HTTP_X_RELAYED_CLIENT"


class AnonymousThrottle(AnonRateThrottle):
    """Anonymous reads per client address: generous for a person, a wall for a scraper.

    The rate of each scope is read from ``API_THROTTLE_RATES`` when a request comes (so tests
    and deployments may change it); the front end's own servers (``API_THROTTLE_TRUSTED_IPS``),
    which render pages for many readers, are not throttled.
    """

    def get_rate(self):
        return settings.API_THROTTLE_RATES.get(self.scope)

    def allow_request(self, request, view):
        self.rate = self.get_rate()
        if self.rate is None:
            return True
        self.num_requests, self.duration = self.parse_rate(self.rate)
        if self.get_ident(request) in settings.API_THROTTLE_TRUSTED_IPS:
            return True
        return super().allow_request(request, view)


class BurstThrottle(AnonymousThrottle):
    scope = "anon_burst"


class SustainedThrottle(AnonymousThrottle):
    scope = "anon_sustained"


def from_trusted_server(request):
    """Whether the request comes from one of the public site's servers (``API_THROTTLE_TRUSTED_IPS``)."""
    return request.META.get("REMOTE_ADDR", "") in settings.API_THROTTLE_TRUSTED_IPS


def pseudonym(value, purpose="api.throttling"):
    """An HMAC-SHA256 of ``value`` keyed with SECRET_KEY and a purpose: a stable pseudonym that cannot
    be reversed (a client counted without knowing who it is), a different one for each purpose."""
    key = hashlib.sha256(f"{purpose}:{settings.SECRET_KEY}".encode()).digest()
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()


class ClientThrottle(ScopedRateThrottle):
    """Requests of one kind per client, for views that name a ``throttle_scope`` (the legal-assistance
    form: a few submissions an hour). Rates come from ``API_THROTTLE_RATES`` like every other.

    The client is counted under a keyed hash of its address, which is never stored; a request
    relayed by the public site's servers is counted under the client they name in
    ``X-Relayed-Client``, a header trusted from those servers only.
    """

    def allow_request(self, request, view):
        self.scope = getattr(view, "throttle_scope", None)
        if not self.scope:
            return True
        self.rate = settings.API_THROTTLE_RATES.get(self.scope)
        if self.rate is None:
            return True
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super(ScopedRateThrottle, self).allow_request(request, view)

    def get_cache_key(self, request, view):
        relayed = request.META.get(RELAYED_CLIENT_HEADER, "")
        if relayed and from_trusted_server(request):
            client = "relayed:" + relayed[:128]
        else:
            client = "address:" + self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": pseudonym(client)}
