"""The budgets factories build what the rest of the domain's tests stand on."""

import pytest

from pathfinder.budgets.tests.factories import DirectPaymentFactory, line_with_share, published_ras


@pytest.mark.django_db
def test_a_published_ras_a_shared_line_and_a_direct_payment_build_together():
    system = published_ras()
    assert system.questions.count() == 2
    assert system.bands.count() == 3
    line = line_with_share()
    assert line.shares.count() == 1
    assert line.provision is not None
    payment = DirectPaymentFactory(request=line.request)
    payment.lines.add(line)
    assert payment.lines.count() == 1
