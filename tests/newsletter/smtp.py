"""An SMTP server on loopback (tests/support/smtp.py) that keeps whole messages and may refuse addresses."""

import email
from email import policy

from tests.support.smtp import Inbox, SMTPSink


class FullInbox(Inbox):
    """Every message as parsed by ``email``, and RCPT answers chosen per address (e.g. ``{"x@y": "550 …"}``)."""

    def __init__(self):
        super().__init__()
        self.refuse = {}
        self.parsed = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        answer = self.refuse.get(address.lower())
        if answer:
            return answer
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        answer = await super().handle_DATA(server, session, envelope)
        with self._lock:
            self.parsed.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return answer

    def to(self, address):
        with self._lock:
            return [message for message in self.parsed if address in message["To"]]


class FullSMTPSink(SMTPSink):
    def __init__(self):
        super().__init__()
        self.inbox = FullInbox()
