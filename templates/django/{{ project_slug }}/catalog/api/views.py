from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import viewsets
from rest_framework.permissions import IsAuthenticatedOrReadOnly

from ...api.ordering import StrictOrderingFilter
from ..models import Category, Product
from .filters import ProductFilter
from .permissions import IsOwnerOrStaffOrReadOnly, IsStaffOrReadOnly
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

    def perform_create(self, serializer: ProductSerializer) -> None:
        serializer.save(owner=self.request.user)
