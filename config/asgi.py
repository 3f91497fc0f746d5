"""The one ASGI application: pages and API over HTTP (Django), adviser chat over websockets (Channels).

Websockets are accepted only from this site's own pages (Origin checked against ALLOWED_HOSTS) and carry
the Django session, so that staff are known by their login (and second factor) as on the pages.
"""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

# Django is set up before anything imports models.
django_application = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from hent.careers import services as careers  # noqa: E402
from hent.contact.routing import websocket_urlpatterns  # noqa: E402


async def lifespan(scope, receive, send):
    """The server's start and stop (ASGI lifespan, sent by uvicorn): at start, the careers model is built in the
    background instead of on the first visitor's request."""
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            careers.warm_up()
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return


application = ProtocolTypeRouter(
    {
        "lifespan": lifespan,
        "http": django_application,
        "websocket": AllowedHostsOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns))),
    }
)
