"""Bundled sample websites for `make demo` and the end-to-end tests.

See demo/README.md.  Entry points:

* :class:`demo.server.DemoSites` -- the four small, realistic sites
  (news, fairs, shop_jsonld, shop_plain) served on 127.0.0.1;
* :class:`demo.bigsite.BigSite` -- a large generated news site for benchmarks.
"""
