"""The council's administrator extends the SEND taxonomy and manages provider memberships."""

import pytest

from pathfinder.accounts.tests.factories import AdministratorFactory
from pathfinder.accounts.tests.helpers import sign_in
from pathfinder.directory.models import Taxonomy, TaxonomyTerm

pytestmark = pytest.mark.django_db


def test_administrator_adds_a_term_to_the_taxonomy(client):
    admin_user = AdministratorFactory(is_superuser=True)
    sign_in(client, admin_user)
    for url in ("/admin/directory/taxonomy/", "/admin/directory/taxonomyterm/", "/admin/directory/organisation/add/"):
        assert client.get(url).status_code == 200, url
    needs = Taxonomy.objects.get(code="send-needs")
    response = client.post("/admin/directory/taxonomyterm/add/", {
        "taxonomy": str(needs.pk), "code": "fasd", "name": "Foetal alcohol spectrum disorder",
        "description": "Support for children and young people with FASD.", "sort_order": "50",
    })
    assert response.status_code == 302
    assert TaxonomyTerm.objects.get(taxonomy=needs, code="fasd").name == "Foetal alcohol spectrum disorder"
