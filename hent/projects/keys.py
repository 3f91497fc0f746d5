"""The two keys of a project: a private link's token (to edit) and a short code (to read).

The token is 32 random bytes from the operating system (256 bits), URL-safe base64: it cannot be
guessed, and only its SHA-256 hash is stored, so a copy of the database opens nothing. The code is
8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), about 39.6 bits: enough not to
be guessed under the rate limit of ``hent.projects.ratelimit``, short enough to be written down.
"""

import hashlib
import hmac
import re
import secrets

TOKEN_BYTES = 32
TOKEN_LENGTH = 43  # len(secrets.token_urlsafe(32))
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 8
_TOKEN_SHAPE = re.compile(rf"[A-Za-z0-9_-]{{{TOKEN_LENGTH}}}")
_CODE_SEPARATORS = re.compile(r"[\s\-–—._/]+")


def new_token():
    return secrets.token_urlsafe(TOKEN_BYTES)


def hash_token(token):
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def token_shape_ok(token):
    return isinstance(token, str) and _TOKEN_SHAPE.fullmatch(token) is not None


def token_matches(token, stored_hash):
    """Whether the token is the one whose hash is stored, compared in constant time."""
    if not token_shape_ok(token) or not stored_hash:
        return False
    return hmac.compare_digest(hash_token(token), stored_hash)


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
