"""JSON bodies for the errors Django itself answers under /api/.

DRF already answers its own errors in JSON; this covers the rest: unknown
paths, server errors, rejected hosts, whatever DEBUG is.
"""

from collections.abc import Callable
from http import HTTPStatus

from django.http import HttpRequest, HttpResponse, JsonResponse

API_PREFIX = "/api/"


class JsonErrorsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code >= 400
            and request.path.startswith(API_PREFIX)
            and not response.get("Content-Type", "").startswith("application/json")
        ):
            return JsonResponse(
                {"detail": HTTPStatus(response.status_code).phrase},
                status=response.status_code,
            )
        return response
