from rest_framework.exceptions import ValidationError
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.request import Request

# The largest row offset a database takes (a signed 64-bit integer).
MAX_OFFSET = 2**63 - 1


class LimitOffsetPage(LimitOffsetPagination):
    """`limit` and `offset` query parameters; every list answers the same envelope.

    DRF falls back to the defaults on a bad value; here it is a 400 naming the
    parameter, as for every other query parameter. A limit above the maximum
    is capped, not refused.
    """

    default_limit = 20
    max_limit = 100

    def get_limit(self, request: Request) -> int:
        value = self._whole_number(request, self.limit_query_param, minimum=1)
        return self.default_limit if value is None else min(value, self.max_limit)

    def get_offset(self, request: Request) -> int:
        value = self._whole_number(request, self.offset_query_param, minimum=0)
        return value or 0

    @staticmethod
    def _whole_number(request: Request, name: str, *, minimum: int) -> int | None:
        raw = request.query_params.get(name)
        if raw is None:
            return None
        try:
            value = int(raw)
        except ValueError:
            value = None
        if value is None or not minimum <= value <= MAX_OFFSET:
            raise ValidationError({name: [f"Enter a whole number of at least {minimum}."]})
        return value
