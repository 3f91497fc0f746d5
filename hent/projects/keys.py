"""The two keys of a project: a private link's token (to edit) and a short code (to read).

The token is a private link's (``hent.core.tokens``: 256 random bits, only the hash stored). The code is
8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), about 39.6 bits: enough not to
be guessed under the rate limit of ``hent.core.ratelimit``, short enough to be written down.
"""

import re
import secrets

CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 8
_CODE_SEPARATORS = re.compile(r"[\s\-–—._/]+")


def new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text):
    """The code as stored ("ABCDEFGH") from what a person typed ("abcd-efgh", "ABCD EFGH"), or None."""
    text = _CODE_SEPARATORS.sub("", str(text or "")[:40]).upper()
    if len(text) != CODE_LENGTH or any(c not in CODE_ALPHABET for c in text):
        return None
    return text


def display_code(code):
    return f"{code[:4]}-{code[4:]}"
