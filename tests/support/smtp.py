"""A real SMTP server on loopback (aiosmtpd) that keeps every message it is sent."""

import email
import threading
from email import policy

from aiosmtpd.controller import Controller

from .seaweedfs import free_port


class Inbox:
    def __init__(self):
        self.messages = []
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        with self._lock:
            self.messages.append(
                {
                    "message_id": message["Message-ID"],
                    "from": str(message["From"]),
                    "to": list(envelope.rcpt_tos),
                    "subject": str(message["Subject"]),
                    "body": message.get_body(preferencelist=("plain", "html")).get_content(),
                    "raw": envelope.content.decode("utf-8", "replace"),
                }
            )
        return "250 Message accepted for delivery"

    def snapshot(self):
        with self._lock:
            return list(self.messages)


class SMTPSink:
    """Start, stop and start again on the same port; messages are kept across restarts."""

    def __init__(self):
        self.port = free_port()
        self.inbox = Inbox()
        self.controller = None

    def start(self):
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()
        return self

    def stop(self):
        if self.controller:
            self.controller.stop()
            self.controller = None
