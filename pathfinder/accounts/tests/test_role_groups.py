"""The named groups of roles (declared once, in accounts.roles) hold exactly the roles they always have."""

from pathfinder.accounts.roles import (
    CASE_PARTICIPANTS,
    CASE_ROLES,
    CASE_STAFF,
    CASE_VIEWERS,
    COUNCIL_STAFF_ROLES,
    FAMILY_ROLES,
    PROFESSIONAL_ROLES,
    ROLE_APPROVERS,
    SERVICE_EDITORS,
    STAFF_ROLES,
    Role,
)


def test_each_group_holds_the_roles_it_always_has():
    assert set(CASE_STAFF) == set(CASE_ROLES) == {Role.CASEWORKER, Role.MANAGER}
    assert set(FAMILY_ROLES) == {Role.PARENT, Role.YOUNG_PERSON}
    assert set(CASE_VIEWERS) == {Role.CASEWORKER, Role.MANAGER, Role.PARENT, Role.YOUNG_PERSON}
    assert set(CASE_PARTICIPANTS) == {Role.CASEWORKER, Role.MANAGER, Role.PARENT, Role.YOUNG_PERSON, Role.ADVISER}
    assert set(SERVICE_EDITORS) == {Role.PROVIDER, Role.LOCAL_OFFER_OFFICER}
    assert set(ROLE_APPROVERS) == {Role.ADMINISTRATOR, Role.MANAGER}
    assert COUNCIL_STAFF_ROLES == {Role.CASEWORKER, Role.MANAGER, Role.ADMINISTRATOR, Role.LOCAL_OFFER_OFFICER}
    # The mediation service (disagreements) reads children's mediations: a second factor, like an adviser.
    assert PROFESSIONAL_ROLES == {Role.ADVISER, Role.MEDIATOR}
    assert STAFF_ROLES == COUNCIL_STAFF_ROLES | {Role.ADVISER, Role.MEDIATOR}
