"""Users in every role. All share TEST_PASSWORD so browser tests can sign in through the real form."""

from __future__ import annotations

import factory

from pathfinder.accounts.models import Team, User
from pathfinder.accounts.roles import Role

TEST_PASSWORD = "correct-horse-battery-staple-2026"


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Team {n}")
    area = factory.Faker("city", locale="en_GB")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.test")
    role = Role.CASEWORKER

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or TEST_PASSWORD)
        if create:
            self.save(update_fields=["password"])


class CaseworkerFactory(UserFactory):
    role = Role.CASEWORKER
    team = factory.SubFactory(TeamFactory)


class ManagerFactory(UserFactory):
    role = Role.MANAGER


class AdviserFactory(UserFactory):
    role = Role.ADVISER
    job_title = "Educational psychologist"
    organisation_name = "Wealdmoor Educational Psychology Service"


class ParentFactory(UserFactory):
    role = Role.PARENT


class YoungPersonFactory(UserFactory):
    role = Role.YOUNG_PERSON


class AdministratorFactory(UserFactory):
    role = Role.ADMINISTRATOR
    is_staff = True


class ProviderFactory(UserFactory):
    role = Role.PROVIDER


class LocalOfferOfficerFactory(UserFactory):
    role = Role.LOCAL_OFFER_OFFICER
