"""How long the questionnaire takes: the words each screen shows (rendered as a visitor gets them), and the time to
read them and answer, at a reading speed given in words per minute."""

import html
import re

from django.conf import settings
from django.core.management.base import BaseCommand
from django.test import RequestFactory
from django.test.utils import override_settings
from django.urls import reverse

from hent.explore import questionnaire as qn
from hent.explore import views

WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
# A 13-year-old reading silently: 130 words a minute is a cautious figure (about the reading-aloud fluency expected
# at the end of primary school); 90 stands for a struggling reader.
DEFAULT_WPM = 130
DEFAULT_SECONDS_PER_ANSWER = 3


def words(text):
    return WORD.findall(text)


def main_text(content):
    """The visible text of a page's <main>, without its breadcrumb."""
    page = content.decode()
    main = page[page.index("<main") : page.index("</main>")]
    main = re.sub(r'<nav[^>]*class="breadcrumb".*?</nav>', " ", main, flags=re.S)
    main = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", main, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", main))


# Pages render here without collectstatic: only their text counts.
PLAIN_STATIC = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}


def measure(wpm=DEFAULT_WPM, seconds_per_answer=DEFAULT_SECONDS_PER_ANSWER):
    """[(screen, words shown, words to read)] and the estimated minutes. "To read" counts the answer scale once, on
    the first screen: it is the same five answers under every activity of every screen."""
    with override_settings(STORAGES={**settings.STORAGES, "staticfiles": PLAIN_STATIC}):
        return _measure(wpm, seconds_per_answer)


def _measure(wpm, seconds_per_answer):
    q = qn.load()
    factory = RequestFactory()
    scale_words = sum(len(words(str(label))) for _code, label in qn.SCALE)
    screens = [("intro", views.questionnaire(factory.get(reverse("explore:questionnaire"))), 0)]
    for step in range(1, q.steps + 1):
        response = views.step(factory.get(reverse("explore:step", args=[step])), step=step)
        screens.append((f"step {step}", response, len(q.step_items(step))))
    rows, scale_read = [], False
    for name, response, n_items in screens:
        shown = len(words(main_text(response.content)))
        repeats = n_items - (0 if scale_read or not n_items else 1)
        scale_read = scale_read or n_items > 0
        rows.append((name, shown, shown - repeats * scale_words))
    to_read = sum(r[2] for r in rows)
    minutes = to_read / wpm + len(q.items) * seconds_per_answer / 60
    return rows, minutes


class Command(BaseCommand):
    help = "Words shown by the interests questionnaire, screen by screen, and the time to read and answer it."

    def add_arguments(self, parser):
        parser.add_argument("--wpm", type=int, default=DEFAULT_WPM, help="reading speed, words per minute")
        parser.add_argument("--seconds-per-answer", type=float, default=DEFAULT_SECONDS_PER_ANSWER)

    def handle(self, *args, wpm, seconds_per_answer, **options):
        rows, minutes = measure(wpm, seconds_per_answer)
        self.stdout.write(f"{'screen':<10} {'shown':>6} {'to read':>8}")
        for name, shown, to_read in rows:
            self.stdout.write(f"{name:<10} {shown:>6} {to_read:>8}")
        total_shown, total_read = sum(r[1] for r in rows), sum(r[2] for r in rows)
        self.stdout.write(f"{'total':<10} {total_shown:>6} {total_read:>8}")
        self.stdout.write(
            f"At {wpm} words a minute and {seconds_per_answer:g} s per answer: {minutes:.1f} minutes "
            f"(reading {total_read / wpm:.1f} min, answering {len(qn.load().items) * seconds_per_answer / 60:.1f} min)."
        )
