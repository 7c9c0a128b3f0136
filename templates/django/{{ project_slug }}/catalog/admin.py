from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest

from .models import Category, Product


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "product_count"]
    list_filter = [("products", admin.EmptyFieldListFilter)]
    search_fields = ["name"]
    ordering = ["name"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Category]:
        return super().get_queryset(request).annotate(product_count=Count("products"))

    @admin.display(description="products", ordering="product_count")
    def product_count(self, category: Category) -> int:
        return category.product_count  # type: ignore[attr-defined]


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin):
    list_display = ["name", "price", "category", "owner", "created_at"]
    list_filter = ["category", "created_at"]
    list_select_related = ["category", "owner"]
    search_fields = ["name", "description", "owner__email"]
    autocomplete_fields = ["category", "owner"]
    readonly_fields = ["created_at", "updated_at"]
    date_hierarchy = "created_at"
