from typing import Any

from django import forms
from django_filters import rest_framework as filters

from ..models import Product


class IdFilter(filters.NumberFilter):
    """A whole number in the range of database ids, so an absurd one is a 400, not an overflow."""

    field_class = forms.IntegerField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, min_value=1, max_value=2**63 - 1, **kwargs)


class PriceFilter(filters.NumberFilter):
    """A bound with no more decimal places than the price column, so a scale PostgreSQL
    cannot hold (1E-100000) is a 400 naming the parameter, not a database error."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        places = Product._meta.get_field("price").decimal_places
        super().__init__(*args, decimal_places=places, **kwargs)


class ProductFilter(filters.FilterSet):
    category_id = IdFilter(field_name="category_id")
    min_price = PriceFilter(field_name="price", lookup_expr="gte")
    max_price = PriceFilter(field_name="price", lookup_expr="lte")
    search = filters.CharFilter(field_name="name", lookup_expr="icontains")

    class Meta:
        model = Product
        fields = ["category_id", "min_price", "max_price", "search"]
