from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower

MIN_PRICE = Decimal("0.00")
MAX_PRICE = Decimal("99999999.99")


class Category(models.Model):
    name = models.CharField(max_length=100)

    class Meta:
        verbose_name_plural = "categories"
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="category_name_unique_ignoring_case",
                violation_error_message="A category with this name already exists.",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Product(models.Model):
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True, default="")
    price = models.DecimalField(
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(MIN_PRICE), MaxValueValidator(MAX_PRICE)],
    )
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="products")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="products"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(price__gte=MIN_PRICE), name="product_price_not_negative"
            ),
        ]
        indexes = [
            # The default ordering of the list, and its tie-break.
            models.Index(fields=["-created_at", "-id"], name="product_newest_first"),
        ]

    def __str__(self) -> str:
        return self.name
