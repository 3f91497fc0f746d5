"""Trainings: the publishers' records as imported (one module per source family), and the
catalogue derived from them (``catalogue``), which the pages, the search and the API read."""

from hent.trainings.models.catalogue import *  # noqa: F403
from hent.trainings.models.certifications import *  # noqa: F403
from hent.trainings.models.establishments import *  # noqa: F403
from hent.trainings.models.lheo import *  # noqa: F403
from hent.trainings.models.onisep import *  # noqa: F403
from hent.trainings.models.outcomes import *  # noqa: F403
