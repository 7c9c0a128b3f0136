"""Django's tables, mapped for SQLAlchemy. Django's migrations make them; nothing here does.

tests/test_schema.py checks the mapping against the migrated database,
column by column. The user table is mapped only as far as the API reads it;
Django writes users.
"""

from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import BigInteger, Boolean, DateTime, ForeignKey, Numeric, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utc_now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users_user"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    is_staff: Mapped[bool] = mapped_column(Boolean)
    is_active: Mapped[bool] = mapped_column(Boolean)


class Category(Base):
    __tablename__ = "catalog_category"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))


class Product(Base):
    __tablename__ = "catalog_product"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    # Django's defaults live in Python, not in the database: the same here.
    description: Mapped[str] = mapped_column(Text, default="")
    price: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    category_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("catalog_category.id"))
    owner_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("users_user.id"))
    # Django's auto_now_add and auto_now.
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utc_now, onupdate=utc_now
    )


# The tables the API writes, mapped whole.
WRITTEN = (Category.__table__, Product.__table__)
metadata = Base.metadata
