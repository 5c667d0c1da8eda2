"""An SMTP server on loopback (tests/support/smtp.py) that keeps whole messages, when each came, and may
refuse addresses at RCPT or a message after DATA."""

import email
import time
from email import policy

from tests.support.smtp import Inbox, SMTPSink


class FullInbox(Inbox):
    """Every message as parsed by ``email`` with the moment it came (``times``, monotonic), RCPT answers
    chosen per address (``refuse``, e.g. ``{"x@y": "550 …"}``) and answers to the end of DATA
    (``refuse_data``: the message refused, as servers that check the recipient late do)."""

    def __init__(self):
        super().__init__()
        self.refuse = {}
        self.refuse_data = {}
        self.parsed = []
        self.times = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        answer = self.refuse.get(address.lower())
        if answer:
            return answer
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        for address in envelope.rcpt_tos:
            if address.lower() in self.refuse_data:
                return self.refuse_data[address.lower()]
        answer = await super().handle_DATA(server, session, envelope)
        with self._lock:
            self.parsed.append(email.message_from_bytes(envelope.content, policy=policy.default))
            self.times.append(time.monotonic())
        return answer

    def to(self, address):
        with self._lock:
            return [message for message in self.parsed if address in message["To"]]


class FullSMTPSink(SMTPSink):
    def __init__(self):
        super().__init__()
        self.inbox = FullInbox()
