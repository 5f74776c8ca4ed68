"""The Local Offer's web pages: public search and service pages, provider and officer pages."""
