"""The interests questionnaire (Holland's RIASEC model): its items, read from a reviewable data file, the answer
scale, and the answers a visitor carries from screen to screen in the URL.

Nothing is stored on the server. The answers travel as one short string, one character per item in the file's
order ("3" J'aime beaucoup, "2" Un peu, "1" Pas trop, "0" Pas du tout, "x" Je ne sais pas, "-" not answered yet),
next to the questionnaire's version, so that a saved link from an older version says so instead of being misread.
"""

import math
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

DATA_FILE = Path(__file__).resolve().parent / "data" / "questionnaire.toml"
TYPES = "RIASEC"
ITEMS_PER_TYPE = 5
ITEMS_PER_STEP = 5
MAX_TEXT_LENGTH = 70

DONT_KNOW = "x"  # "Je ne sais pas": an explicit skip, not scored
UNANSWERED = "-"  # not answered yet, not scored
POINTS = {"3": 3, "2": 2, "1": 1, "0": 0}
SCALE = [
    ("3", _("J'aime beaucoup")),
    ("2", _("Un peu")),
    ("1", _("Pas trop")),
    ("0", _("Pas du tout")),
    (DONT_KNOW, _("Je ne sais pas")),
]
ANSWER_CODES = frozenset(value for value, _label in SCALE)
CODES = ANSWER_CODES | {UNANSWERED}

MISSING = _("Choisissez une réponse, ou « Je ne sais pas ».")
INVALID = _("Cette réponse n'existe pas : choisissez une des réponses proposées.")


@dataclass(frozen=True)
class Item:
    id: str
    type: str
    text: str
    position: int  # 0-based, in the order of the file and of the screens
    step: int  # 1-based screen number

    @property
    def label(self):
        """The text to show (translated when a catalogue has it: the file holds the French)."""
        return gettext(self.text)


@dataclass(frozen=True)
class Questionnaire:
    version: str
    items: tuple
    per_step: int = ITEMS_PER_STEP

    @property
    def steps(self):
        return math.ceil(len(self.items) / self.per_step)

    def step_items(self, step):
        return [item for item in self.items if item.step == step]

    def items_of_type(self, letter):
        return [item for item in self.items if item.type == letter]

    def empty(self):
        return UNANSWERED * len(self.items)

    def first_open_step(self, answers):
        """The first screen with an item not answered yet (None when every item has an answer)."""
        for item in self.items:
            if answers[item.position] == UNANSWERED:
                return item.step
        return None


class QuestionnaireError(ImproperlyConfigured):
    pass


def read(path=DATA_FILE):
    """The questionnaire of a data file, checked; a faulty file stops with the item and the problem."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise QuestionnaireError(f"{path}: {exc}") from None
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise QuestionnaireError(f"{path}: 'version' must be a whole number from 1")
    rows = data.get("items")
    if not isinstance(rows, list) or not rows:
        raise QuestionnaireError(f"{path}: no [[items]]")
    items, seen = [], set()
    for position, row in enumerate(rows):
        where = f"{path}: item {position + 1}"
        if not isinstance(row, dict):
            raise QuestionnaireError(f"{where}: not a table")
        unknown = set(row) - {"id", "type", "text", "note"}
        if unknown:
            raise QuestionnaireError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
        item_id, letter, text = row.get("id"), row.get("type"), row.get("text")
        if not isinstance(item_id, str) or not item_id.isascii() or not item_id.isalpha() or not item_id.islower():
            raise QuestionnaireError(f"{where}: 'id' must be lower-case letters a-z, got {item_id!r}")
        if item_id in seen:
            raise QuestionnaireError(f"{where}: id {item_id!r} used twice")
        if letter not in tuple(TYPES):
            raise QuestionnaireError(f"{where} ({item_id}): 'type' must be one of R, I, A, S, E, C, got {letter!r}")
        if not isinstance(text, str) or not text.strip() or len(text) > MAX_TEXT_LENGTH:
            raise QuestionnaireError(f"{where} ({item_id}): 'text' must be 1 to {MAX_TEXT_LENGTH} characters")
        seen.add(item_id)
        items.append(Item(item_id, letter, text.strip(), position, position // ITEMS_PER_STEP + 1))
    for letter in TYPES:
        count = sum(item.type == letter for item in items)
        if count != ITEMS_PER_TYPE:
            raise QuestionnaireError(f"{path}: type {letter} has {count} items, not {ITEMS_PER_TYPE}")
    return Questionnaire(str(version), tuple(items))


@cache
def load():
    """The questionnaire of the app's data file (read once per process)."""
    return read(DATA_FILE)


class BadAnswers(ValueError):
    """Answers from a URL that cannot be read: ``reason`` is "version" (an older questionnaire) or "format"."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def parse_answers(questionnaire, text, version=None):
    """The answers carried in a URL, checked: one known code per item, for this questionnaire's version.

    No text means nothing answered yet. A missing version is taken as the current one (the answers must then
    still have the right length); another version raises BadAnswers("version").
    """
    text = (text or "").strip()[: len(questionnaire.items) + 1]
    version = (version or "").strip()[:10]
    if version and version != questionnaire.version:
        raise BadAnswers("version")
    if not text:
        return questionnaire.empty()
    if len(text) != len(questionnaire.items) or not set(text) <= CODES:
        raise BadAnswers("format")
    return text


def apply_step(questionnaire, answers, step, data):
    """The answers with those of one screen's form merged in, and the errors of that screen.

    ``data`` is the submitted form (a QueryDict or a dict). A known answer replaces the stored one; an unknown
    value is refused with a message and changes nothing; an item left without any answer is reported as missing
    (the caller ignores that when the visitor goes back). Returns (answers, {item id: message}).
    """
    merged, errors = list(answers), {}
    for item in questionnaire.step_items(step):
        value = data.get(item.id)
        if isinstance(value, str) and value in ANSWER_CODES:
            merged[item.position] = value
        elif value not in (None, ""):
            errors[item.id] = INVALID
        elif merged[item.position] == UNANSWERED:
            errors[item.id] = MISSING
    return "".join(merged), errors
