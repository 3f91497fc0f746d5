"""Labour market: the publishers' records as imported (one module per source family), and the figures
derived from them per occupation and territory (``figures``)."""

from hent.labour.models.bmo import *  # noqa: F403
from hent.labour.models.dares import *  # noqa: F403
from hent.labour.models.figures import *  # noqa: F403
