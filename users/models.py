import secrets

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.crypto import salted_hmac


def new_sign_in_stamp():
    return secrets.token_hex(16)


class User(AbstractUser):
    """The project's user model, in place from the first migration so it can grow."""

    # Part of what every session of this user is checked against (with the password): a new
    # stamp ends every session at once, as a new password does.
    sign_in_stamp = models.CharField(max_length=32, default=new_sign_in_stamp, editable=False)

    def _get_session_auth_hash(self, secret=None):
        # Django's own (AbstractBaseUser) HMAC of the password, with the stamp added.
        return salted_hmac(
            "users.User.get_session_auth_hash",
            f"{self.password}:{self.sign_in_stamp}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()

    def end_all_sessions(self):
        """Every session of this user stops working at its next request."""
        self.sign_in_stamp = new_sign_in_stamp()
        type(self).objects.filter(pk=self.pk).update(sign_in_stamp=self.sign_in_stamp)
