from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import viewsets
from rest_framework.permissions import IsAuthenticatedOrReadOnly
from rest_framework.request import Request
from rest_framework.response import Response

from ...api.ordering import StrictOrderingFilter
from ..models import Category, Product
from .filters import ProductFilter
from .permissions import IsOwnerOrStaffOrReadOnly, IsStaffOrReadOnly
from .rows import FIELDS, product_rows
from .serializers import CategorySerializer, ProductSerializer


class CategoryViewSet(viewsets.ModelViewSet):
    queryset = Category.objects.order_by("name", "id")
    serializer_class = CategorySerializer
    permission_classes = [IsStaffOrReadOnly]


class ProductViewSet(viewsets.ModelViewSet):
    # The representation names the category and owner by id only, so the rows
    # need no join: a page is two queries, the count and the rows.
    queryset = Product.objects.all()
    serializer_class = ProductSerializer
    permission_classes = [IsAuthenticatedOrReadOnly, IsOwnerOrStaffOrReadOnly]
    filterset_class = ProductFilter
    filter_backends = [DjangoFilterBackend, StrictOrderingFilter]
    ordering_fields = ["name", "price", "created_at"]
    ordering = ["-created_at"]

    def list(self, request: Request, *args: object, **kwargs: object) -> Response:
        # Filters, ordering and paging as DRF does them; the rows as plain values.
        queryset = self.filter_queryset(self.get_queryset()).values_list(*FIELDS)
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(product_rows(page or []))

    def perform_create(self, serializer: ProductSerializer) -> None:
        serializer.save(owner=self.request.user)
