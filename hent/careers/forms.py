"""What the pages read from the query string: the skills ticked (OGR codes, the state of the explorer,
kept in the URL so that a page can be bookmarked) and the words typed."""

from django.utils.translation import gettext_lazy as _

from hent.careers import services
from hent.core.text import clean_input

SKILLS = "c"  # one query-string value per ticked skill: ?c=100023&c=100063
SKILL_SEARCH = "autre"
OCCUPATION_SEARCH = "q"


class SkillSelection:
    """The skills a person ticked for the occupation ``code``, and the skills they searched for.

    Never raises: values that are not skill codes of the ROME are left out, and ``notice`` says so.
    """

    def __init__(self, data, code):
        self.code = code
        codes, ignored = services.parse_skill_codes(data.getlist(SKILLS), strict=False)
        known, unknown = services.known_skills(codes)
        self.skills = known
        self.notice = ""
        if ignored or unknown:
            self.notice = _(
                "Certaines compétences indiquées dans l'adresse de la page n'existent pas (ou plus) dans le "
                "répertoire des métiers : nous les avons laissées de côté."
            )
        self.search_text = clean_input(data.get(SKILL_SEARCH, ""), max_length=100)
        own = services.model().skills_of(code)
        self.added = services.skills(self.skills - own)  # ticked skills of other occupations
        self.found = services.search_skills(self.search_text, exclude=own | self.skills) if self.search_text else []

    @property
    def query_string(self):
        """The selection as a query string, for links between the pages."""
        return "&".join(f"{SKILLS}={ogr}" for ogr in sorted(self.skills))
