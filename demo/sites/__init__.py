"""The four demo sites. Each module defines one :class:`demo.sites.base.Site`."""
