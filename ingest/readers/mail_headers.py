"""The header lines of a message saved from a mail client, shared by the readers of saved messages and of e-mail
digests."""

from __future__ import annotations

import re

#: the header that dates a message (Sent: Thursday, July 17, 2025 6:02 AM, 发送时间：2026年3月16日 22:47)
MAIL_DATE = re.compile(r"^(?:Date|Sent|发送时间|日期|时间)\s*[:：]\s*(?P<value>\S.*)$", re.I)
