from django.db.models import QuerySet
from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter
from rest_framework.request import Request
from rest_framework.views import APIView


class StrictOrderingFilter(OrderingFilter):
    """`?ordering=` on one of the view's `ordering_fields`, ties broken by id.

    DRF quietly ignores an unknown field; here it is a 400 naming `ordering`.
    The id follows the direction of the chosen field, so pages never overlap.
    """

    def get_ordering(self, request: Request, queryset: QuerySet, view: APIView) -> list[str]:
        param = request.query_params.get(self.ordering_param, "").strip()
        allowed = view.ordering_fields
        if not param:
            ordering = list(view.ordering)
        elif param.removeprefix("-") in allowed:
            ordering = [param]
        else:
            choices = ", ".join(f"{field}, -{field}" for field in allowed)
            raise ValidationError({self.ordering_param: [f"Choose one of: {choices}."]})
        tie_break = "-id" if ordering[-1].startswith("-") else "id"
        return [*ordering, tie_break]
