from rest_framework.pagination import LimitOffsetPagination


class LimitOffsetPage(LimitOffsetPagination):
    """`limit` and `offset` query parameters; every list answers the same envelope."""

    default_limit = 20
    max_limit = 100
