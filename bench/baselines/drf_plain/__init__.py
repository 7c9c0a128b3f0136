"""Straightforward DRF: the product list as the DRF tutorial would write it.

A ModelSerializer, a ReadOnlyModelViewSet, LimitOffsetPagination, the
settings `startproject` writes with persistent database connections, served
by gunicorn's default sync workers: the "straightforward DRF + gunicorn"
figure the Django variant must double. Same columns and data as the
variants, in tables of its own.
"""
