"""`python -m drf_plain.seed PRODUCTS CATEGORIES`: the tables and the catalogue bench/seed.py makes.

Written straight to the database: this app has no write API. Prints the id
the detail load reads.
"""

import os
import sys

import django
from django.core.management import call_command

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "drf_plain.settings")
django.setup()

from drf_plain.models import Category, Product  # noqa: E402

products, categories = int(sys.argv[1]), int(sys.argv[2])
call_command("migrate", run_syncdb=True, verbosity=0)
Product.objects.all().delete()
Category.objects.all().delete()
made = Category.objects.bulk_create(Category(name=f"Category {n}") for n in range(categories))
Product.objects.bulk_create(
    Product(
        name=f"Product {n:05d}",
        description=(
            "Loose-leaf tea from a single estate, picked in spring and rolled by hand; "
            "steep at 80 degrees for two minutes."
        ),
        price=f"{(n * 7919) % 100000 / 100:.2f}",
        category=made[n % categories],
        owner_id=1,
    )
    for n in range(products)
)
print(Product.objects.order_by("id").values_list("id", flat=True)[products // 2])
