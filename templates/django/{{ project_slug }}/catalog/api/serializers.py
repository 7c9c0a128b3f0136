from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Value
from django.db.models.functions import Lower
from rest_framework import serializers

from ..models import Category, Product

DUPLICATE_NAME = "A category with this name already exists."


class CategorySerializer(serializers.ModelSerializer):
    class Meta:
        model = Category
        fields = ["id", "name"]

    def validate_name(self, name: str) -> str:
        # Compared the way the database's unique constraint compares.
        same_name = Category.objects.alias(lower_name=Lower("name")).filter(
            lower_name=Lower(Value(name))
        )
        if self.instance is not None:
            same_name = same_name.exclude(pk=self.instance.pk)
        if same_name.exists():
            raise serializers.ValidationError(DUPLICATE_NAME)
        return name

    def save(self, **kwargs: object) -> Category:
        # A concurrent request can still take the name between check and write.
        try:
            with transaction.atomic():
                return super().save(**kwargs)
        except IntegrityError as error:
            raise serializers.ValidationError({"name": [DUPLICATE_NAME]}) from error


class ProductSerializer(serializers.ModelSerializer):
    category_id = serializers.PrimaryKeyRelatedField(
        source="category", queryset=Category.objects.all()
    )
    owner_id = serializers.IntegerField(read_only=True)

    class Meta:
        model = Product
        fields = [
            "id",
            "name",
            "description",
            "price",
            "category_id",
            "owner_id",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["created_at", "updated_at"]
        # The model's DecimalField(10, 2) gives a field that refuses a third
        # decimal place instead of rounding, and answers a string.
        extra_kwargs = {"price": {"coerce_to_string": True}}

    def validate_price(self, price: Decimal) -> Decimal:
        # -0 keeps the rules, and the column stores it as 0: answer what is stored,
        # not "-0.00" from this write and "0.00" from every later read.
        return price.copy_abs() if price.is_zero() else price
