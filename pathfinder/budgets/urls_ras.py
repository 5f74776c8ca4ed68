"""See budgets/urls.py."""

urlpatterns: list = []
