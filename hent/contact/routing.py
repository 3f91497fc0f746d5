"""Websocket addresses of the chat (mounted by config/asgi.py)."""

from django.urls import path

from hent.contact import consumers

websocket_urlpatterns = [
    path("ws/contact/c/", consumers.VisitorConsumer.as_asgi()),
    path("ws/contact/equipe/", consumers.AdviserConsumer.as_asgi()),
]
