from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request
from rest_framework.views import APIView

from ..models import Product


class IsStaffOrReadOnly(BasePermission):
    def has_permission(self, request: Request, view: APIView) -> bool:
        return request.method in SAFE_METHODS or bool(request.user and request.user.is_staff)


class IsOwnerOrStaffOrReadOnly(BasePermission):
    """Reading is open; changing an object takes its owner or a staff member."""

    def has_object_permission(self, request: Request, view: APIView, obj: Product) -> bool:
        if request.method in SAFE_METHODS:
            return True
        return request.user.is_staff or obj.owner_id == request.user.pk
