from django import forms
from django_filters import rest_framework as filters

from ..models import Product


class IdFilter(filters.NumberFilter):
    field_class = forms.IntegerField


class ProductFilter(filters.FilterSet):
    category_id = IdFilter(field_name="category_id")
    min_price = filters.NumberFilter(field_name="price", lookup_expr="gte")
    max_price = filters.NumberFilter(field_name="price", lookup_expr="lte")
    search = filters.CharFilter(field_name="name", lookup_expr="icontains")

    class Meta:
        model = Product
        fields = ["category_id", "min_price", "max_price", "search"]
