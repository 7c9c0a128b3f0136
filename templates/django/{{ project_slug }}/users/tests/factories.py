import factory
from factory.django import DjangoModelFactory, Password

from ..models import User

PASSWORD = "a-long-enough-test-password"


class UserFactory(DjangoModelFactory):
    email = factory.Sequence(lambda n: f"user{n}@example.com")
    password = Password(PASSWORD)

    class Meta:
        model = User
        skip_postgeneration_save = True

    class Params:
        staff = factory.Trait(is_staff=True)
