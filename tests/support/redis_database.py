"""A Redis database number of the test's own on the machine's Redis (127.0.0.1:6379, or ``TEST_REDIS_URL``).

Numbers 8 to 13 are for tests that start processes sharing a cache; a test claims one (a key
that expires, so that a run killed half-way frees it), empties it, and frees it when done. Two
runs at once get two numbers.
"""

import os
import uuid

SERVER = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379").rstrip("/")
NUMBERS = range(8, 14)
CLAIM = "cms-test-claim"


class RedisDatabase:
    def __init__(self, seconds=900):
        self.seconds = seconds
        self.token = uuid.uuid4().hex
        self.url = None
        self._client = None

    @staticmethod
    def reachable():
        import redis

        try:
            return redis.Redis.from_url(SERVER, socket_connect_timeout=2).ping()
        except redis.RedisError:
            return False

    def claim(self):
        import redis

        for number in NUMBERS:
            client = redis.Redis.from_url(f"{SERVER}/{number}")
            if client.set(CLAIM, self.token, nx=True, ex=self.seconds):
                client.flushdb()
                client.set(CLAIM, self.token, ex=self.seconds)
                self.url, self._client = f"{SERVER}/{number}", client
                return self
        raise RuntimeError(f"every Redis database from {NUMBERS.start} to {NUMBERS.stop - 1} is in use")

    def keys(self):
        return [key.decode() for key in self._client.keys("*") if key.decode() != CLAIM]

    def release(self):
        if self._client is not None and self._client.get(CLAIM) == self.token.encode():
            self._client.flushdb()
        self._client = None
