from axes.backends import AxesStandaloneBackend


class LockoutBackend(AxesStandaloneBackend):
    """Axes' check of lockouts for every sign-in through the web (all of them pass the request).

    A check of a password by the code itself (``authenticate()`` without a request: a management
    command, a shell) is not an attempt from anywhere, and is left to the next backend.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
