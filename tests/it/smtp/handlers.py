"""Handlers of the real SMTP server the notice tests run (aiosmtpd), each delivering into a
Maildir as aiosmtpd.handlers.Mailbox does:

- Slow: takes DELAY seconds over each letter, so that a run of hundreds of letters lasts long
  enough to be killed in the middle;
- Refusing: answers 451 (try later) to recipients at refuse.test and 550 (never) to those at
  reject.test, as a real relay does for a full or unknown mailbox.
"""

import asyncio

from aiosmtpd.handlers import Mailbox


class Slow(Mailbox):
    def __init__(self, maildir, delay="0.01"):
        super().__init__(maildir)
        self.delay = float(delay)

    async def handle_DATA(self, server, session, envelope):
        await asyncio.sleep(self.delay)
        return await super().handle_DATA(server, session, envelope)

    @classmethod
    def from_cli(cls, parser, *args):
        return cls(*args)


class Refusing(Mailbox):
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.endswith("@refuse.test"):
            return "451 4.2.1 Mailbox busy, try again later"
        if address.endswith("@reject.test"):
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    @classmethod
    def from_cli(cls, parser, *args):
        return cls(*args)
