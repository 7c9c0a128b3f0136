"""The user as the API shows it, and as the auth code reads it from the database."""

from pydantic import BaseModel, ConfigDict, EmailStr, Field

# The longest address RFC 5321 allows, and what the email column holds.
MAX_EMAIL_LENGTH = 320
# No account can have a longer one, so no login needs to hash more.
MAX_PASSWORD_LENGTH = 128


class UserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    email: str
    is_staff: bool


class UserRecord(UserOut):
    hashed_password: str
    is_active: bool


class Credentials(BaseModel):
    email: EmailStr
    password: str = Field(min_length=8, max_length=MAX_PASSWORD_LENGTH)
