import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_throttle():
    """The API's anonymous throttle counts in the cache: start every test with a clean count."""
    cache.clear()
    yield
    cache.clear()
