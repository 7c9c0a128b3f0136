from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from ...users.tests.factories import UserFactory
from ..models import Category, Product


class CategoryFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Category {n}")

    class Meta:
        model = Category


class ProductFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Product {n}")
    description = ""
    price = Decimal("10.00")
    category = factory.SubFactory(CategoryFactory)
    owner = factory.SubFactory(UserFactory)

    class Meta:
        model = Product
