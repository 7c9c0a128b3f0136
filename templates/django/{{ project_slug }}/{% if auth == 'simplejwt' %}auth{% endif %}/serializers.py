from typing import Any

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from rest_framework import serializers

from ..users.api.serializers import UserSerializer
from ..users.models import User

TAKEN = "A user with this email address already exists."


class RegistrationSerializer(serializers.ModelSerializer):
    password = serializers.CharField(write_only=True, trim_whitespace=False)

    class Meta:
        model = User
        fields = ["email", "password"]
        # Uniqueness is checked below, ignoring case.
        extra_kwargs = {"email": {"validators": []}}

    def validate_email(self, email: str) -> str:
        email = User.objects.normalize_email(email)
        if User.objects.filter(email__iexact=email).exists():
            raise serializers.ValidationError(TAKEN)
        return email

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        candidate = User(email=attrs["email"])
        try:
            password_validation.validate_password(attrs["password"], user=candidate)
        except DjangoValidationError as error:
            raise serializers.ValidationError({"password": list(error.messages)}) from error
        return attrs

    def create(self, validated_data: dict[str, Any]) -> User:
        # A concurrent sign-up can still take the address between check and write.
        try:
            with transaction.atomic():
                return User.objects.create_user(**validated_data)
        except IntegrityError as error:
            raise serializers.ValidationError({"email": [TAKEN]}) from error

    def to_representation(self, instance: User) -> dict[str, Any]:
        return UserSerializer(instance).data
