"""How search reads text: the same normalisation for the index and for what people type.

Case, accents, ligatures and punctuation are folded ("Maître-chien" -> "maitre chien"),
plurals are reduced ("chevaux" -> "cheval", "infirmières" -> "infirmiere"). Feminine
forms need no rule: the index holds both forms of every ROME title.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "’": "'", "ʼ": "'"})
_NON_WORD = re.compile(r"[^a-z0-9]+")

# Words that carry no meaning for finding an occupation.
STOPWORDS = frozenset(
    """
    a au aux avec ce ces d dans de des du e en et etc j je l la le les leur leurs m ma me mes mon n ne ou par
    pas pour qu que qui s sa se ses son sur t ta te tes ton un une y the of and to in for an on at or
    ai suis veux voudrais voudrai aimerais souhaite souhaiterais peux
    """.split()
)

# Kinds of diplomas: part of a training's name, but not what it is about ("CAP boulanger" is about "boulanger").
DIPLOMA_WORDS = frozenset(
    """
    cap bep bac pro bp bts but dut mc cs bma bm btm dma deust licence master titre professionnel diplome certificat
    brevet mention complementaire specialisation cqp bpjeps capa bepa bta btsa dn made dnmade ingenieur doctorat etat
    """.split()
)

# Words that say "I am describing a field, not naming a job".
THEMATIC_CUES = frozenset(
    """
    metier metiers travailler travail boulot job jobs domaine domaines secteur secteurs filiere filieres
    bosser taffer taf
    aime aimer envie passion passionne passionnee faire
    """.split()
)

_french = snowballstemmer.stemmer("french")


def fold(text):
    """Lower case, no accents, no punctuation: "Aide-soignant(e)" -> "aide soignant e"."""
    text = unicodedata.normalize("NFKD", (text or "").translate(_LIGATURES).lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", text).strip()


@lru_cache(maxsize=50_000)
def singular(word):
    """A light plural reduction, applied alike to the index and the query."""
    if word.endswith("eaux"):
        return word[:-1]
    if len(word) > 4 and word.endswith("aux"):
        return word[:-3] + "al"
    if len(word) > 3 and word[-1] in "sx" and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def words(text):
    """Folded, singular words, stop words kept (titles need them for exact matches)."""
    return [w if w in STOPWORDS else singular(w) for w in fold(text).split()]


def content_words(text):
    return [w for w in words(text) if w not in STOPWORDS]


@lru_cache(maxsize=50_000)
def stem(word):
    """French Snowball stem, to match descriptions ("réparer" ~ "réparation")."""
    return _french.stemWord(word)
