import logging
import time

from django.conf import settings

logger = logging.getLogger("hent.access")


class SecurityHeadersMiddleware:
    """Headers Django 5.2 does not set itself: Content-Security-Policy and Permissions-Policy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(self), interest-cohort=()"
        )
        return response


class AccessLogMiddleware:
    """One line per request: method, path, status, duration. Never the query string (it may hold what a
    person typed), never cookies, IP addresses or user agents."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        elapsed = (time.perf_counter() - started) * 1000
        logger.info("%s %s %s %.0fms", request.method, request.path, response.status_code, elapsed)
        return response
