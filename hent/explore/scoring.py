"""From answers to a profile: a score per RIASEC type, the two or three strongest types, and an honest status
when the answers do not single any type out (flat profile, nothing liked, too many skipped items).

Scoring, in words a visitor can check: "J'aime beaucoup" is worth 3 points, "Un peu" 2, "Pas trop" 1, "Pas du tout"
0; "Je ne sais pas" and unanswered items do not count. A type's score is the average of its answered items, out of
100 (3 points = 100). A type needs at least MIN_ANSWERED answered items to have a score.
"""

from dataclasses import dataclass, field
from itertools import groupby

from hent.explore.questionnaire import DONT_KNOW, POINTS, TYPES, UNANSWERED

MIN_ANSWERED = 2  # answered items a type needs to get a score
MIN_SCORED_TYPES = 4  # fewer scored types: too many items skipped to say anything
LIKED = 50.0  # a type enters the profile from this score (between "Pas trop" and "Un peu" on average)
FLAT_SPREAD = 20.0  # strongest minus weakest below this: no type stands out
MAX_TYPES = 3  # the profile keeps the two or three strongest types...
MAX_WITH_TIES = 4  # ...or one more when types are tied at the cut

OK, FLAT, LOW, INCOMPLETE = "ok", "flat", "low", "incomplete"


@dataclass
class TypeScore:
    letter: str
    answered: int = 0  # items of this type answered on the scale
    skipped: int = 0  # "Je ne sais pas" or no answer
    points: int = 0
    loved: list = field(default_factory=list)  # items answered "J'aime beaucoup"

    @property
    def score(self):
        """0-100, or None when too few items of this type were answered."""
        if self.answered < MIN_ANSWERED:
            return None
        return round(100 * self.points / (3 * self.answered), 1)


@dataclass
class Profile:
    status: str
    scores: list  # [TypeScore] in RIASEC order; empty when the profile was given as letters
    groups: list  # [[letter]]: the profile's types, strongest first, types of equal score grouped
    left_out: list = field(default_factory=list)  # types tied at the cut, left out of the profile
    skipped: int = 0  # items answered "Je ne sais pas"
    unanswered: int = 0

    @property
    def letters(self):
        return [letter for group in self.groups for letter in group]

    @property
    def code(self):
        return "".join(self.letters)

    @property
    def ties(self):
        return [group for group in self.groups if len(group) > 1]

    @property
    def weights(self):
        """{letter: 3, 2 or 1}: the strongest group weighs 3, the next 2, the next 1; tied types weigh the same."""
        return {letter: 3 - rank for rank, group in enumerate(self.groups) for letter in group}

    @property
    def ranked(self):
        """Scored types, strongest first (RIASEC order between equal scores)."""
        scored = [s for s in self.scores if s.score is not None]
        return sorted(scored, key=lambda s: (-s.score, TYPES.index(s.letter)))

    @property
    def unscored(self):
        """Letters of the types with too few answers to have a score."""
        return [s.letter for s in self.scores if s.score is None]

    @property
    def from_answers(self):
        return bool(self.scores)


def type_scores(questionnaire, answers):
    scores = {letter: TypeScore(letter) for letter in TYPES}
    for item in questionnaire.items:
        value = answers[item.position]
        score = scores[item.type]
        if value in POINTS:
            score.answered += 1
            score.points += POINTS[value]
            if value == "3":
                score.loved.append(item)
        else:
            score.skipped += 1
    return [scores[letter] for letter in TYPES]


def profile(questionnaire, answers):
    """The profile of a complete or partial set of answers (see the module's docstring for the rules)."""
    scores = type_scores(questionnaire, answers)
    counts = {"skipped": answers.count(DONT_KNOW), "unanswered": answers.count(UNANSWERED)}
    scored = [s for s in scores if s.score is not None]
    if len(scored) < MIN_SCORED_TYPES:
        return Profile(INCOMPLETE, scores, [], **counts)
    best = max(s.score for s in scored)
    if best < LIKED:
        return Profile(LOW, scores, [], **counts)
    if best - min(s.score for s in scored) < FLAT_SPREAD:
        return Profile(FLAT, scores, [], **counts)
    ranked = sorted(scored, key=lambda s: (-s.score, TYPES.index(s.letter)))
    tied = [[s.letter for s in group] for _score, group in groupby(ranked, key=lambda s: s.score)]
    liked = [group for group in tied if scores[TYPES.index(group[0])].score >= LIKED]
    if len(liked[0]) >= MAX_WITH_TIES:
        return Profile(FLAT, scores, [], **counts)  # four types or more equally strongest: nothing stands out
    groups, left_out = [], []
    for group in liked:
        size = sum(map(len, groups))
        if size >= MAX_TYPES:
            break
        if size + len(group) > MAX_WITH_TIES:
            left_out = group
            break
        groups.append(group)
    return Profile(OK, scores, groups, left_out, **counts)


def profile_from_letters(text):
    """A profile given as letters (e.g. "SIA" from a link), strongest first; None when the text is not 1 to 3
    different RIASEC letters."""
    letters = (text or "").strip().upper()[:4]
    if not 1 <= len(letters) <= MAX_TYPES or len(set(letters)) != len(letters) or not set(letters) <= set(TYPES):
        return None
    return Profile(OK, [], [[letter] for letter in letters])
