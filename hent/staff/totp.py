"""Time-based one-time passwords (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps), and the enrolment QR code.

Written on the standard library; `segno` draws the QR code as inline SVG on the server.
"""

import base64
import hashlib
import hmac
import secrets
import struct
import time
from urllib.parse import quote, urlencode

DIGITS = 6
PERIOD = 30
DRIFT_STEPS = 1  # a code of the previous or the next step is accepted (clock drift, typing time)


def generate_secret():
    """160 random bits, base32 without padding (what authenticator apps expect)."""
    return base64.b32encode(secrets.token_bytes(20)).decode("ascii").rstrip("=")


def _key(secret):
    cleaned = secret.replace(" ", "").upper()
    return base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))


def current_step(now=None):
    return int((time.time() if now is None else now) // PERIOD)


def code_at(secret, step, digits=DIGITS, digest=hashlib.sha1):
    """The code of one time step (RFC 4226 dynamic truncation)."""
    mac = hmac.new(_key(secret), struct.pack(">Q", step), digest).digest()
    offset = mac[-1] & 0x0F
    value = struct.unpack(">I", mac[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(value % 10**digits).zfill(digits)


def normalize_code(code):
    """What a person typed: spaces and dashes are ignored ("123 456"); anything else makes it invalid."""
    cleaned = "".join(ch for ch in str(code or "") if ch not in " -\u00a0\u202f")
    return cleaned if len(cleaned) == DIGITS and cleaned.isascii() and cleaned.isdigit() else None


def matching_step(secret, code, last_step=None, now=None):
    """The time step whose code is `code`, within ±DRIFT_STEPS of now and strictly after `last_step`
    (so that a code is never accepted twice); None when the code does not match."""
    code = normalize_code(code)
    if code is None or not secret:
        return None
    step = current_step(now)
    found = None
    for candidate in range(step - DRIFT_STEPS, step + DRIFT_STEPS + 1):
        # Compare every candidate, in constant time, whatever matched before.
        if hmac.compare_digest(code_at(secret, candidate), code) and found is None:
            found = candidate
    if found is None or (last_step is not None and found <= last_step):
        return None
    return found


def provisioning_uri(secret, account, issuer):
    label = quote(f"{issuer}:{account}", safe="")
    query = urlencode({"secret": secret, "issuer": issuer, "algorithm": "SHA1", "digits": DIGITS, "period": PERIOD})
    return f"otpauth://totp/{label}?{query}"


def qr_svg(data, title):
    """The QR code of `data` as an inline <svg> element (no external service, no script, no style)."""
    import segno

    qr = segno.make(data, error="m", micro=False)
    svg = qr.svg_inline(
        scale=5, border=4, dark="#000", light="#fff", title=title, svgclass="staff-qr", lineclass=None, omitsize=True
    )
    return svg.replace("<svg ", '<svg role="img" ', 1)


def grouped(secret, size=4):
    """The secret in groups of four characters, easier to read and type."""
    return " ".join(secret[i : i + size] for i in range(0, len(secret), size))
