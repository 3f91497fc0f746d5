"""Charts rendered on the server: a table whose rows carry a bar (SVG), so the figures are there to read,
to copy and for screen readers, and the picture works without JavaScript or style sheets."""

from dataclasses import dataclass


@dataclass
class Bar:
    label: str
    value: float | None
    display: str
    percent: float  # bar length, 0–100
    url: str = ""
    note: str = ""


def bars(rows, fmt="{:,.0f}", maximum=None):
    """rows: iterable of (label, value, url, note); values None are shown as unknown, without a bar."""
    rows = list(rows)
    top = maximum or max((v for _, v, *_ in rows if v is not None), default=0) or 1
    result = []
    for label, value, *rest in rows:
        url = rest[0] if rest else ""
        note = rest[1] if len(rest) > 1 else ""
        shown = fmt.format(value).replace(",", "\u202f") if value is not None else "—"
        percent = 0.0 if value is None else max(0.0, min(100.0, 100.0 * value / top))
        result.append(Bar(label, value, shown, round(percent, 1), url, note))
    return result
