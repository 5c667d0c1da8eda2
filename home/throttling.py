"""Throttling of the API's anonymous clients (REST framework's DEFAULT_THROTTLE_CLASSES).

Kept apart from the views: REST framework imports these classes while it defines APIView.
"""

from rest_framework.throttling import AnonRateThrottle

from django.conf import settings


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
