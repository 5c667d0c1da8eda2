"""Who must sign in with a second factor, and how long a session may last."""

from datetime import timedelta

from django.conf import settings

from legal_aid.team import is_legal_team


def is_privileged(user):
    """Superusers and the Legal team: those who can read the journalists' requests."""
    return is_legal_team(user)


def factor_required(user):
    """Whether ``user`` may use the admin only after a second factor (TWO_FACTOR_REQUIRED)."""
    required = settings.TWO_FACTOR_REQUIRED
    if required == "all":
        return True
    if required == "privileged":
        return is_privileged(user)
    return False


def session_limits(user):
    """(idle, absolute) lifetimes of an admin session of ``user``."""
    if is_privileged(user):
        return (
            timedelta(minutes=settings.SESSION_IDLE_MINUTES_PRIVILEGED),
            timedelta(hours=settings.SESSION_MAX_HOURS_PRIVILEGED),
        )
    return timedelta(minutes=settings.SESSION_IDLE_MINUTES), timedelta(hours=settings.SESSION_MAX_HOURS)
