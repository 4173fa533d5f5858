"""Prints the letters of a Maildir as JSON: To, the decoded Subject, Message-ID, the text."""

import email.header
import json
import mailbox
import sys

out = []
for _, m in mailbox.Maildir(sys.argv[1], create=False).items():
    out.append({
        "to": str(email.header.make_header(email.header.decode_header(m["To"]))),
        "subject": str(email.header.make_header(email.header.decode_header(m["Subject"]))),
        "message_id": m["Message-ID"],
        "rcpt": m["X-RcptTo"],
        "body": m.get_payload(decode=True).decode("utf-8"),
    })
json.dump(out, sys.stdout, ensure_ascii=False)
